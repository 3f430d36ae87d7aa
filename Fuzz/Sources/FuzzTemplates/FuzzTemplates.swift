import Templating

/// The template parser and renderer: the input is a template and, after NUL bytes, partials
/// named `a`, `b`, `c` …, rendered against a small page model. A problem must be a located
/// error, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
    let sources = parts.map { String(decoding: $0, as: UTF8.self) }
    let names = sources.indices.map { String(UnicodeScalar(UInt8(97 + $0 % 26))) + ($0 < 26 ? "" : "\($0)") }
    let model: Value = ["title": "Putin & Kim", "items": [["name": "<a>"], ["name": "b", "items": []]], "flag": true, "html": .html("<b>x</b>")]
    guard let library = try? TemplateLibrary(sources: Dictionary(uniqueKeysWithValues: zip(names, sources))) else { return 0 }
    for name in names {
        _ = try? library.render(name, model)
        _ = try? library.render(name, model, strict: true)
    }
    return 0
}

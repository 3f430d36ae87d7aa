import Entities

/// `dossier suggest`'s finder over any text, German or English by the first byte: every
/// candidate has a name and an id, and its context stands on a line of the text; never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSuggest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let text = String(validating: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self) else { return 0 }
    let language = data[0] & 1 == 0 ? "de" : "en"
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
    for candidate in finder.candidates(in: [.init(file: "a.md", text: text, language: language)]) {
        precondition(!candidate.name.isEmpty && !candidate.id.isEmpty, "a candidate without a name or id: \(candidate)")
        precondition(candidate.line >= 1 && candidate.line <= lines, "\(candidate) is outside the text")
    }
    return 0
}

// Read only, by the one thread libFuzzer runs inputs on.
nonisolated(unsafe) private let finder = CandidateFinder(registry: Registry([
    Entity(id: "wladimir-putin", type: .person, name: "Wladimir Putin", aliases: ["Putin"]),
    Entity(id: "berlin", type: .place, name: "Berlin"),
    Entity(id: "dpa", type: .org, name: "dpa"),
]))

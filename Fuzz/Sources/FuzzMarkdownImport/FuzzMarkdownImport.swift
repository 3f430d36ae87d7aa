import Foundation
import FuzzSupport

/// The Markdown importer: a raw `.md` file (front matter, Markdown rendered and read as a page,
/// or plain text saved as `.md`) becomes an article whose body the build can read; a file that
/// is no article is a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    importerCheck(Data(bytes: data, count: size), name: "fuzz.md")
}

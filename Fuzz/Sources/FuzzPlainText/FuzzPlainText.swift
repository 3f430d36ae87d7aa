import Foundation
import FuzzSupport

/// The plain-text importer: a raw `.txt` file becomes an article whose Markdown body the build can read; a file that is no
/// article is a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    importerCheck(Data(bytes: data, count: size), name: "fuzz.txt")
}

import Foundation
import FuzzSupport

/// The HTML importer: a saved page becomes an article whose Markdown body the build can read; a file that is no
/// article is a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    importerCheck(Data(bytes: data, count: size), name: "fuzz.html")
}

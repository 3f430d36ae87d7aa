/// A raw file that cannot be read as an article at all, with what to do about it.
struct ImportError: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "\(file):1:1: error: \(message)" }
}

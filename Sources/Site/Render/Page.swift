import Templating

/// One file of the site: where it goes, which template renders it, and its page model; or,
/// for data files, its bytes as they are.
struct Page: Sendable {
    var path: String
    var template: String
    var model: Value
    var bytes: [UInt8]?

    init(path: String, template: String, model: Value) {
        (self.path, self.template, self.model, bytes) = (path, template, model, nil)
    }

    init(path: String, bytes: [UInt8]) {
        (self.path, template, model, self.bytes) = (path, "", .null, bytes)
    }
}

import Templating

/// One file of the site: where it goes, which template renders it, and its page model.
struct Page: Sendable {
    var path: String
    var template: String
    var model: Value
}

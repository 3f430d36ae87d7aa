/// What the importer found in a raw article, before it is written as Markdown.
public struct ImportedArticle: Sendable, Equatable {
    public struct Caption: Sendable, Equatable {
        public var text: String
        public var credit: String
        /// The short line some outlets print under the photo, after the credit.
        public var title: String

        public init(text: String, credit: String, title: String = "") {
            self.text = text
            self.credit = credit
            self.title = title
        }
    }

    public var title = ""
    public var outlet = ""
    public var authors: [String] = []
    public var date = ""
    public var dateline = ""
    public var teaser = ""
    public var captions: [Caption] = []
    /// Markdown blocks: paragraphs and `## ` subheadings, not yet annotated.
    public var blocks: [String] = []
    /// What could not be found, for the user to fill in.
    public var warnings: [String] = []

    public init() {}

    /// What a reader sees before the body (title, teaser, captions): it introduces full names.
    public var introduction: String {
        ([title, teaser] + captions.flatMap { [$0.text, $0.title] }).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

import Foundation

/// Keeps the HTML bodies of the newest articles, for the feed, while articles are converted on
/// all cores and their bodies otherwise go straight to their pages.
///
/// The result does not depend on the order articles arrive in: the order is total.
final class NewestBodies: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    private var kept: [(order: PageBuilder.DateOrder, html: Markup)] = []

    init(limit: Int) {
        self.limit = limit
    }

    func offer(_ article: ConvertedArticle, html: Markup) {
        let order = article.order
        lock.lock()
        defer { lock.unlock() }
        if kept.count == limit, let last = kept.last, !(order < last.order) { return }
        let position = kept.firstIndex { order < $0.order } ?? kept.count
        kept.insert((order, html), at: position)
        if kept.count > limit { kept.removeLast() }
    }

    /// The kept bodies by slug.
    var bodies: [String: Markup] {
        lock.lock()
        defer { lock.unlock() }
        return Dictionary(kept.map { ($0.order.slug, $0.html) }, uniquingKeysWith: { first, _ in first })
    }
}

import Articles
import Entities
import Foundation
import SourceText

/// The outlets the dossier's articles name, by the site their address is on: an article
/// imported without an outlet (Obsidian's Web Clipper writes none by default) takes the one its
/// site's other articles name, so that `tagesschau.de/…` joins "tagesschau" instead of being an
/// outlet of its own.
///
/// Read from `content/articles/` on first use only (an import whose articles all name an
/// outlet never reads them), then kept up to date with each article the import writes.
final class OutletsBySite {
    let folder: URL
    /// Site → outlet → number of articles; nil until first asked.
    private var counts: [String: [String: Int]]?

    init(articles folder: URL) {
        self.folder = folder
    }

    /// The outlet most articles on `site` name, a name other than the site's own first (an
    /// earlier import may have named it after the site, an editor since by its name); of two as
    /// common, the first in order; nil when no article on it names one.
    func outlet(on site: String) -> String? {
        let outlets = loaded()[site] ?? [:]
        return outlets.min { a, b in
            if (a.key == site) != (b.key == site) { return b.key == site }
            return a.value != b.value ? a.value > b.value : a.key < b.key
        }?.key
    }

    /// Counts an article the import wrote or found unchanged; nothing before the first question,
    /// as reading the folder then finds it.
    func record(outlet: String, address: String?) {
        guard counts != nil, !outlet.isEmpty, let site = address.flatMap(WebAddress.site(of:)) else { return }
        counts![site, default: [:]][outlet, default: 0] += 1
    }

    private func loaded() -> [String: [String: Int]] {
        if let counts { return counts }
        var found: [String: [String: Int]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // An article that does not read is the build's to report, not the import's; hidden
        // files (an editor's lock file, an import's temporary) are no articles.
        for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
            guard let text = try? TextFile.read(folder.appendingPathComponent(name).path, display: name),
                  let article = try? Article.parse(text, slug: "", file: name),
                  !article.outlet.isEmpty, let site = article.url.flatMap(WebAddress.site(of:)) else { continue }
            found[site, default: [:]][article.outlet, default: 0] += 1
        }
        counts = found
        return found
    }
}

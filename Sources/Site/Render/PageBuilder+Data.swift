import Articles
import Entities

extension PageBuilder {
    /// `data/dossier.json`: the dossier, its articles, entities, mentions, quotes and shared
    /// passages, for other tools (schema in `docs/dossier.schema.json`). The mentions are also in
    /// one file per article (`articleData`); here while there are at most `mentionsInIndex`.
    func dossierData(_ reads: inout Reads) -> Page {
        reads.note(InputKey(.settings))
        let settings = inputs.settings
        let withMentions = hasIndexMentions
        let articles = withMentions ? inputs.articlesWithMentions(&reads) : inputs.articlesByDate(&reads)
        var json = DataText(capacity: 64 * 1024)
        json.object { json in
            json.field("version") { $0.int(Self.dataVersion) }
            json.field("title") { $0.string(settings.title) }
            json.field("description") { $0.string(settings.description) }
            json.field("language") { $0.string(settings.language) }
            json.field("base_url") { $0.optional(settings.baseURL) }
            json.field("articles") { json in
                json.reserve(items: articles.count, text: articles.reduce(0) { sum, converted in
                    let article = converted.article
                    return sum + 4 * article.slug.utf8.count + article.title.utf8.count + article.outlet.utf8.count + article.teaser.utf8.count
                        + article.source.utf8.count + (article.url?.utf8.count ?? 0) + article.authors.reduce(0) { $0 + $1.utf8.count + 3 }
                }, perItem: 256)
                json.array { json in
                    // What lists show of each (its summary): an edit of an article's text leaves
                    // this file alone; the rest is in the article's own file.
                    for converted in articles {
                        let article = converted.article
                        json.object { json in
                            json.field("slug") { $0.string(article.slug) }
                            json.field("title") { $0.string(article.title) }
                            json.field("outlet") { $0.optional(article.outlet) }
                            json.field("date") { $0.optional(article.date) }
                            json.field("authors") { $0.strings(article.authors) }
                            json.field("teaser") { $0.optional(article.teaser) }
                            json.field("source") { $0.optional(article.source) }
                            json.field("url") { $0.optional(article.url) }
                            json.field("page") { $0.string(converted.path) }
                            json.field("data") { $0.string(SitePaths.articleData(article.slug)) }
                        }
                    }
                }
            }
            json.field("entities") { json in
                json.array { json in
                    for type in EntityType.allCases {
                        for position in inputs.entities(of: type, &reads) {
                            let entity = inputs.entity(position, &reads)
                            let articleCount = inputs.articleCount(of: position, &reads)
                            json.object { json in
                                json.field("id") { $0.string(entity.id) }
                                json.field("type") { $0.string(entity.type.rawValue) }
                                json.field("name") { $0.string(entity.name) }
                                json.field("aliases") { $0.strings(entity.aliases) }
                                json.field("description") { $0.optional(entity.description) }
                                json.field("wikidata") { $0.optional(entity.wikidata) }
                                json.field("lat") { $0.double(entity.latitude) }
                                json.field("lon") { $0.double(entity.longitude) }
                                json.field("page") { $0.string(SitePaths.entity(entity.type, entity.id)) }
                                json.field("mentions") { $0.int(inputs.mentionCount(position, &reads)) }
                                json.field("articles") { $0.int(articleCount) }
                            }
                        }
                    }
                }
            }
            if withMentions {
                json.field("mentions") { json in
                    json.reserve(items: articles.reduce(0) { $0 + $1.mentions.count }, text: articles.reduce(0) { sum, converted in
                        converted.mentions.reduce(sum) { $0 + $1.sentence.count + $1.mark.count + 2 * converted.article.slug.utf8.count }
                    }, perItem: 256)
                    json.array { json in
                        for converted in articles { mentions(of: converted, into: &json, &reads) }
                    }
                }
            }
            json.field("quotes") { json in
                let quotes = inputs.allQuotes(&reads)
                let (count, text) = quotes.reduce((0, 0)) { ($0.0 + 1, $0.1 + $1.quote.range.count + $1.article.article.slug.utf8.count) }
                json.reserve(items: count, text: text, perItem: 256)
                json.array { json in
                    for (article, quote) in quotes {
                        let speaker = quote.hasSpeaker ? inputs.link(Int(quote.speaker), &reads).id : nil
                        let anchor = quoteAnchor(article, quote, &reads)
                        json.object { json in
                            json.field("text") { $0.string(utf8: article.text[quote.range]) }
                            json.field("speaker") { $0.optional(speaker) }
                            json.field("article") { $0.string(article.article.slug) }
                            json.field("position") { json in if quote.mention >= 0 { json.int(Int(quote.mention)) } else { json.null() } }
                            json.field("anchor") { $0.optional(anchor) }
                        }
                    }
                }
            }
            json.field("shared") { json in
                let groups = inputs.sharedGroups(limit: .max, &reads)
                json.reserve(items: groups.reduce(0) { $0 + $1.0.count }, text: groups.reduce(0) { sum, group in
                    group.0.reduce(sum) { $0 + $1.text.utf8.count + $1.article.article.slug.utf8.count }
                }, perItem: 128)
                json.array { json in
                    for (group, _) in groups {
                        json.object { json in
                            json.field("passages") { json in
                                json.array { json in
                                    for version in group {
                                        json.object { json in
                                            json.field("article") { $0.string(version.article.article.slug) }
                                            json.field("anchor") { $0.string(Self.passageAnchor(version.passage)) }
                                            json.field("text") { $0.string(version.text) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        json.newline()
        return Page(path: SitePaths.dossierData, bytes: json.bytes)
    }

    /// The most mentions `data/dossier.json` lists (about 75 MB of JSON at the benchmark corpus's density): a file that tools and
    /// browsers read whole. Beyond (the 10,000-article benchmark corpus has 1.6 million), each
    /// article's are in its own file only, and the build says so.
    static let mentionsInIndex = 250_000

    /// The parts of an article by `Article.Field`, as the export names them.
    static let fieldNames = Article.Field.allCases.map { "\($0)" }

    /// Whether `data/dossier.json` lists every mention.
    var hasIndexMentions: Bool { Self.hasIndexMentions(mentions: inputs.mentionTotal) }

    static func hasIndexMentions(mentions: Int) -> Bool {
        mentions <= mentionsInIndex
    }

    /// The article's mentions in text order as `data/dossier.json` lists them: entity, article,
    /// `position` (among the article's mentions, as quotes name theirs), anchor, the part of the
    /// article it stands in, the words as written and the sentence.
    func mentions(of converted: ConvertedArticle, into json: inout DataText, _ reads: inout Reads) {
        var slug = DataText()
        slug.string(converted.article.slug)
        let quotedID = inputs.quotedIDs()
        // Read in place: a slice of the text per value would count a reference to it.
        converted.text.withUnsafeBufferPointer { text in
            for (position, mention) in converted.mentions.enumerated() {
                let id = quotedID(Int(mention.entity), &reads)
                json.object { json in
                    json.field("entity") { $0.string(quoted: id) }
                    json.field("article") { $0.string(quoted: slug.bytes) }
                    json.field("position") { $0.int(position) }
                    json.field("anchor") { $0.anchor(quoted: id, Int(mention.ordinal)) }
                    json.field("field") { $0.string(Self.fieldNames[Int(mention.field.rawValue)]) }
                    json.field("surface") { $0.string(utf8: UnsafeBufferPointer(rebasing: text[mention.mark])) }
                    json.field("sentence") { $0.string(utf8: UnsafeBufferPointer(rebasing: text[mention.sentence])) }
                }
            }
        }
    }

    /// `data/articles/<slug>.json`: every mention of the article in text order, with its
    /// entity, anchor and sentence; each sentence is written once (`sentences`) and mentions
    /// name theirs by number, as most sentences hold several mentions.
    func articleData(_ slug: String, _ reads: inout Reads) -> Page {
        let path = SitePaths.articleData(slug)
        guard let position = inputs.datePosition(of: slug) else { return Page(path: path, bytes: Array("{}\n".utf8)) }
        let converted = inputs.document(inputs.articles[position], &reads)
        var sentences: [Range<Int>] = []
        var numbers: [Int] = []
        for mention in converted.mentions {
            if sentences.last != mention.sentence { sentences.append(mention.sentence) }
            numbers.append(sentences.count - 1)
        }
        var json = DataText(capacity: converted.text.count + converted.mentions.count * 64)
        let quotedID = inputs.quotedIDs()
        let article = converted.article
        json.object { json in
            json.field("slug") { $0.string(slug) }
            json.field("page") { $0.string(converted.path) }
            json.field("dateline") { $0.optional(article.dateline) }
            json.field("language") { $0.string(article.language) }
            json.field("source") { $0.string(article.source) }
            json.field("url") { $0.optional(article.url) }
            // Read in place: a slice of the text per value would count a reference to it.
            converted.text.withUnsafeBufferPointer { text in
                json.field("sentences") { json in
                    json.array { json in for sentence in sentences { json.string(utf8: UnsafeBufferPointer(rebasing: text[sentence])) } }
                }
                json.field("mentions") { json in
                    json.array { json in
                        for (number, mention) in converted.mentions.enumerated() {
                            let id = quotedID(Int(mention.entity), &reads)
                            json.object { json in
                                json.field("entity") { $0.string(quoted: id) }
                                json.field("anchor") { $0.anchor(quoted: id, Int(mention.ordinal)) }
                                json.field("surface") { $0.string(utf8: UnsafeBufferPointer(rebasing: text[mention.mark])) }
                                json.field("sentence") { $0.int(numbers[number]) }
                            }
                        }
                    }
                }
            }
        }
        json.newline()
        return Page(path: path, bytes: json.bytes)
    }

    /// `data/articles.csv`: a row per article, newest first, with what lists show of it (an
    /// edit of an article's text leaves the table alone), for spreadsheets.
    func articlesTable(_ reads: inout Reads) -> Page {
        var csv = DataText()
        csv.record(["slug", "title", "outlet", "date", "authors", "page"])
        for converted in inputs.articlesByDate(&reads) {
            let article = converted.article
            csv.record([article.slug, article.title, article.outlet, article.date, article.authors.joined(separator: "; "), converted.path])
        }
        return Page(path: SitePaths.articlesTable, bytes: csv.bytes)
    }

    /// `data/entities.csv`: a row per entity with its counts, for spreadsheets.
    func entitiesTable(_ reads: inout Reads) -> Page {
        var csv = DataText()
        csv.record(["id", "type", "name", "aliases", "description", "wikidata", "lat", "lon", "mentions", "articles", "page"])
        for type in EntityType.allCases {
            for position in inputs.entities(of: type, &reads) {
                let entity = inputs.entity(position, &reads)
                csv.record([entity.id, type.rawValue, entity.name, entity.aliases.joined(separator: "; "), entity.description, entity.wikidata ?? "",
                            entity.latitude.map { "\($0)" } ?? "", entity.longitude.map { "\($0)" } ?? "",
                            String(inputs.mentionCount(position, &reads)), String(inputs.articleCount(of: position, &reads)),
                            SitePaths.entity(type, entity.id)])
            }
        }
        return Page(path: SitePaths.entitiesTable, bytes: csv.bytes)
    }

    /// The most records a spreadsheet holds after its header: Excel and LibreOffice Calc show
    /// 1,048,576 rows.
    static let spreadsheetRows = 1_048_575

    /// Whether `data/mentions.csv` is written: where its rows fit a spreadsheet, which is what it
    /// is for (at 10,000 articles of the benchmark corpus they are 1.6 million; each article's
    /// mentions are in `data/articles/<slug>.json` at any size).
    var hasMentionsTable: Bool { Self.hasMentionsTable(mentions: inputs.mentionTotal) }

    static func hasMentionsTable(mentions: Int) -> Bool {
        mentions <= spreadsheetRows
    }

    /// `data/mentions.csv`: a row per mention, articles newest first and each article's mentions
    /// in text order: the article and what lists show of it, the entity, the part of the article
    /// it stands in (`body`, `title`, `teaser`, `caption`, `captionTitle`, `credit`, `dateline`,
    /// `author`), the words as written, the sentence they stand in, and the link to the spot,
    /// for spreadsheets.
    func mentionsTable(_ reads: inout Reads) -> Page {
        let articles = inputs.articlesWithMentions(&reads)
        var csv = DataText(capacity: articles.reduce(0) { $0 + $1.mentions.count } * 200)
        csv.record(["article", "title", "outlet", "date", "entity", "type", "name", "field", "surface", "sentence", "page"])
        // What repeats from row to row is written once and copied: an article's cells, an
        // entity's (with the start of its anchor), a field's name.
        func cells(_ values: [String], first: Bool = false) -> [UInt8] {
            var cells = DataText()
            for (index, value) in values.enumerated() { cells.cell(utf8: value.utf8, first: first && index == 0) }
            return cells.bytes
        }
        let fields = Article.Field.allCases.map { cells(["\($0)"]) }
        var entities: [Int32: (cells: [UInt8], anchor: [UInt8])] = [:]
        for converted in articles {
            let article = converted.article
            let articleCells = cells([article.slug, article.title, article.outlet, article.date], first: true)
            let page = Array("\(converted.path)#".utf8)
            converted.text.withUnsafeBufferPointer { text in
                for mention in converted.mentions {
                    if entities[mention.entity] == nil {
                        let link = inputs.link(Int(mention.entity), &reads)
                        entities[mention.entity] = (cells([link.id, link.type.rawValue, link.name]), Array("\(link.id)-".utf8))
                    }
                    let entity = entities[mention.entity]!
                    csv.raw(articleCells)
                    csv.raw(entity.cells)
                    csv.raw(fields[Int(mention.field.rawValue)])
                    csv.cell(utf8: UnsafeBufferPointer(rebasing: text[mention.mark]))
                    csv.cell(utf8: UnsafeBufferPointer(rebasing: text[mention.sentence]))
                    // Paths and anchors are slugs: no quotation mark to double.
                    csv.raw(",\"".utf8)
                    csv.raw(page)
                    csv.raw(entity.anchor)
                    csv.decimal(Int(mention.ordinal))
                    csv.raw("\"".utf8)
                    csv.endRecord()
                }
            }
        }
        return Page(path: SitePaths.mentionsTable, bytes: csv.bytes)
    }

    /// `data/entities.js`: what the previews of mentions on article pages show of every entity
    /// (name, type, description, how often mentioned), as a script so that it loads from disk too.
    /// One file for all pages, cached by the browser: article pages themselves show no description,
    /// so a description edit remakes this file, not every article that mentions the entity.
    func entityPreviews(_ reads: inout Reads) -> Page {
        reads.note(InputKey(.settings))
        var json = DataText(capacity: 64 * 1024)
        json.object { json in
            for type in EntityType.allCases {
                for position in inputs.entities(of: type, &reads) {
                    let entity = inputs.entity(position, &reads)
                    let count = inputs.mentionCount(position, &reads)
                    json.field(named: entity.reference) { json in
                        json.object { json in
                            json.field("name") { $0.string(entity.name) }
                            json.field("type") { $0.string(strings[type.rawValue]) }
                            json.field("description") { $0.string(entity.description) }
                            json.field("mentions") { $0.string("\(count) \(count == 1 ? strings["mention"] : strings["mentions"])") }
                        }
                    }
                }
            }
        }
        return Page(path: SitePaths.entityPreviews, bytes: Array("window.dossierEntities = ".utf8) + json.bytes + Array(";\n".utf8))
    }

    /// The version of `data/`'s schema: raised when a field changes meaning or goes.
    static let dataVersion = 1
}

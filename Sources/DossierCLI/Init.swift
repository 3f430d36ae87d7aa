import ArgumentParser
import Entities
import Foundation
import SourceText

/// `dossier init`: a new dossier that builds at once.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new dossier: content/ with settings, an example entity of each type, and empty articles/ and raw/.",
        discussion: "Nothing is overwritten: a folder that already holds content/ is refused. Afterwards `cd FOLDER && dossier build` writes the site; `dossier import` adds articles."
    )

    @Argument(help: "The folder for the dossier (made if missing).")
    var folder = "."

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let content = root.appendingPathComponent("content")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw reportFailure(SourceError(file: folder, message: "it is a file, not a folder: name a new or existing folder for the dossier"))
        }
        if FileManager.default.fileExists(atPath: content.path) {
            throw reportFailure(SourceError(file: "\(folder)/content", message: "a dossier is already here: init makes new dossiers only and overwrites nothing"))
        }
        do {
            for (path, text) in Self.files {
                let url = content.appendingPathComponent(path)
                do { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) } catch {
                    throw SourceError(file: "\(folder)/content", message: "cannot make the folder: check permissions and free space")
                }
                try TextFile.write(Array(text.utf8), to: url.path, display: "\(folder)/content/\(path)")
            }
        } catch {
            throw reportFailure(error)
        }
        print("Made a dossier in \(folder)/content/: edit content/dossier.yml, put raw articles into content/raw/ and run `dossier import content/raw`, then `dossier build`.")
    }

    /// What a new dossier holds; the hidden `.keep` files keep the empty folders in git.
    static let files: [(String, String)] = [
        ("dossier.yml", """
        # The dossier's settings. Every setting is optional; these are the defaults or examples.

        # The name of the dossier, shown on every page and in the feed.
        title: Mein Dossier
        # One or two sentences on what the dossier covers, shown on the home page.
        description: Berichte über ein Ereignis aus vielen Quellen, nebeneinander gelesen.
        # The language of the interface and the default of each article: de or en.
        language: de
        # The address the site is published under (https://…/), for the feed and the sitemap,
        # which need absolute addresses. Leave it out to publish under any path.
        # base_url: https://example.org/dossier/
        # Show raw HTML in articles as HTML instead of as text (off: it is shown escaped).
        allow_raw_html: false

        """),
        ("entities/persons.yml", """
        # People of the dossier; import and annotate link every mention of a name or alias.
        - id: olaf-scholz              # ASCII slug: ä→ae, ö→oe, ü→ue, ß→ss
          type: person
          name: Olaf Scholz
          aliases: [Scholz]            # spellings that always mean this person
          description: Bundeskanzler 2021–2025
          wikidata: Q61053

        """),
        ("entities/places.yml", """
        # Places; with lat and lon (decimal degrees) they get a map link.
        - id: berlin
          type: place
          name: Berlin
          description: Hauptstadt Deutschlands
          wikidata: Q64
          lat: 52.52
          lon: 13.405

        """),
        ("entities/orgs.yml", """
        # Organisations: agencies, parties, governments, companies.
        - id: dpa
          type: org
          name: Deutsche Presse-Agentur
          aliases: [dpa]
          description: Nachrichtenagentur in Hamburg
          wikidata: Q153470

        """),
        ("articles/.keep", ""),
        ("raw/.keep", ""),
    ]
}

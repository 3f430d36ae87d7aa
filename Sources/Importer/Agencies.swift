import Entities

/// News agencies and outlets as they sign or credit text, with the name the dossier shows.
enum Agencies {
    static let signatures: [String: String] = [
        "dpa": "DPA", "DPA": "DPA", "AFP": "AFP", "APA": "APA", "AP": "AP", "Reuters": "Reuters", "REUTERS": "Reuters",
        "KNA": "KNA", "epd": "epd", "SID": "SID", "dts": "dts", "ANSA": "ANSA", "EFE": "EFE", "Interfax": "Interfax",
        "Yonhap": "Yonhap", "Xinhua": "Xinhua", "Kyodo": "Kyodo", "TASS": "TASS", "Tass": "TASS", "RIA": "RIA", "KCNA": "KCNA",
        "ANP": "ANP", "PAP": "PAP", "Belga": "Belga", "Anadolu": "Anadolu", "IRNA": "IRNA", "Bernama": "Bernama", "UPI": "UPI",
    ]

    /// Copyright holders that name an outlet: "(c) Copyright Thomson Reuters 2023".
    static let copyrightHolders: [(String, String)] = [
        ("Thomson Reuters", "Reuters"), ("Reuters", "Reuters"), ("dpa", "DPA"), ("Deutsche Presse-Agentur", "DPA"),
        ("AFP", "AFP"), ("Agence France-Presse", "AFP"), ("Associated Press", "AP"), ("APA", "APA"),
    ]

    /// The outlet a signature line names, or nil: "DPA", "dpa/AFP", "(Reuters)", and after an
    /// editor's initials "mrc/dpa/Reuters" (DPA/Reuters).
    static func outlet(signedBy line: String) -> String? {
        var parts = line.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " }).map(String.init)
        if parts.count > 1, signatures[parts[0]] == nil, (2...4).contains(parts[0].count), parts[0].allSatisfy({ $0.isLowercase && $0.isASCII }) { parts.removeFirst() }
        guard !parts.isEmpty, parts.count <= 3 else { return nil }
        let names = parts.compactMap { signatures[$0] }
        return names.count == parts.count ? names.joined(separator: "/") : nil
    }

    /// The outlet of a dateline's agency: "dpa/lnw" is DPA (with a regional service), "AP" is AP,
    /// and an outlet's acronym "CNN" is CNN (a country's, "USA", is no outlet).
    static func outlet(inDateline agency: String) -> String? {
        let names = agency.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " }).compactMap { signatures[String($0)] }
        if names.isEmpty, (2...6).contains(agency.count), agency.allSatisfy({ $0.isUppercase && $0.isLetter }),
           !LanguageRules.stateAcronyms.contains(agency) {
            return agency
        }
        return names.isEmpty ? nil : names.joined(separator: "/")
    }

    /// The outlet a line that is nothing but an agency's name names: "Associated Press" or
    /// "Reuters" under a byline is AP or Reuters.
    static func outlet(named line: String) -> String? {
        signatures[line] ?? copyrightHolders.first { $0.0 == line }?.1
    }

    static func outlet(inCopyright line: String) -> String? {
        let lowered = line.lowercased()
        guard lowered.contains("(c)") || lowered.contains("©") || lowered.contains("copyright") else { return nil }
        return copyrightHolders.first { line.contains($0.0) }?.1
    }
}

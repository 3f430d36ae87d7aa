/// The kinds of entity a dossier tracks; the raw value is the annotation scheme (`person:`).
public enum EntityType: String, CaseIterable, Sendable, Comparable, Codable {
    case person
    case place
    case org

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

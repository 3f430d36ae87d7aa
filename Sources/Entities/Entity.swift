/// A person, place or organisation of the registry, referred to everywhere by its `id`.
public struct Entity: Sendable, Hashable {
    public var id: String
    public var type: EntityType
    public var name: String
    /// Surface forms that always name this entity ("Putin", "Kreml-Chef" would not be one).
    public var aliases: [String]
    /// Short forms ("Kim") that name it only after its full name appeared earlier in an article.
    public var ambiguous: [String]
    public var description: String
    public var wikidata: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Whether its names are also common words ("Schuld", the village, and "die Schuld", guilt):
    /// they are linked only where they cannot be the word (`Annotator`).
    public var isCommonWord: Bool

    public init(
        id: String, type: EntityType, name: String, aliases: [String] = [], ambiguous: [String] = [],
        description: String = "", wikidata: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
        isCommonWord: Bool = false
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.ambiguous = ambiguous
        self.description = description
        self.wikidata = wikidata
        self.latitude = latitude
        self.longitude = longitude
        self.isCommonWord = isCommonWord
    }

    /// The annotation destination: `person:wladimir-putin`.
    public var reference: String { Self.reference(type: type, id: id) }

    /// How an article links an entity of `type` with `id`: "person:wladimir-putin".
    public static func reference(type: EntityType, id: String) -> String { "\(type.rawValue):\(id)" }
}

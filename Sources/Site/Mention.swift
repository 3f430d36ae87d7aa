/// One annotated mention of an entity: which one it is and the sentence around it.
struct Mention: Sendable, Equatable {
    /// The entity's position in the registry, and its id.
    var entity: Int
    var entityID: String
    /// Which mention of the entity in its article this is, from 1.
    var ordinal: Int
    /// The text as written in the article ("Putins").
    var surface: String
    /// The sentence around the mention as HTML, the mention itself in `<mark>`.
    var context: String
    /// Which sentence of the article this is: mentions of one sentence are neighbours.
    var sentenceKey: Int

    /// The anchor id on the article page: `<entity-id>-<n>` for the n-th mention of it there.
    var anchor: String { "\(entityID)-\(ordinal)" }
}

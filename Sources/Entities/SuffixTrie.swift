import SourceText

/// Which of a set of endings a word has, read from its last byte backwards: a word is looked at
/// byte by byte without a string or an allocation, and most words are passed after a byte or two
/// (the quote finder asks for the word before every mention and after every article).
///
///     SuffixTrie(["präsident", "sprecher"]).matches(Array("kremlsprecher".utf8)[...])  // true
struct SuffixTrie: Sendable {
    /// Per node, its children by byte (sorted pairs: a node has a few) and whether an ending ends there.
    private var children: [[(byte: UInt8, node: Int32)]] = [[]]
    private var terminal: [Bool] = [false]

    /// `endings` in lower case.
    init(_ endings: some Sequence<String>) {
        for ending in endings {
            var node = 0
            for byte in ending.utf8.reversed() {
                if let child = children[node].first(where: { $0.byte == byte }) {
                    node = Int(child.node)
                } else {
                    children.append([])
                    terminal.append(false)
                    children[node].append((byte, Int32(children.count - 1)))
                    node = children.count - 1
                }
            }
            terminal[node] = true
        }
    }

    /// Whether `word` (UTF-8, in any case of ASCII and Latin-1 letters) ends with one of the endings.
    func matches(_ word: ArraySlice<UInt8>) -> Bool {
        var node = 0
        var index = word.endIndex
        while index > word.startIndex {
            index -= 1
            var byte = word[index]
            if byte >= 0x41, byte <= 0x5A {
                byte |= 0x20
            } else if Latin1.isCapital(byte), index > word.startIndex, word[index - 1] == 0xC3 {
                // Latin-1 capitals (Ä, Ö, Ü: C3 84, C3 96, C3 9C) as small letters.
                byte += 0x20
            }
            guard let child = children[node].first(where: { $0.byte == byte }) else { return false }
            node = Int(child.node)
            if terminal[node] { return true }
        }
        return false
    }
}

import SourceText

/// Word shingles of sentences, the measure by which two sentences are copies of one text.
///
/// A sentence is cut into words, each normalised (lower case, a number without its separators:
/// "1.500" is "1500") and cut to its first `prefix` bytes, so that German inflection ("des
/// Kosmodroms", "das Kosmodrom") and quotation marks of another style do not hide a copy. Its
/// shingles are the runs of `width` words. Two sentences are near copies when their shingle
/// sets share at least `threshold` of their union (Jaccard similarity); sentences of fewer
/// than `minimumWords` words are too common to tell anything.
///
///     Shingles.similarity(of: "Ein zentrales Thema dürften Waffenlieferungen an Russland sein.",
///                         and: "Ein zentrales Thema dürften Waffenlieferungen an Russland gewesen sein.")  // 0.71
enum Shingles {
    static let width = 3
    static let prefix = 6
    static let minimumWords = 8
    /// The Jaccard similarity from which two sentences are one passage: measured on the seeds,
    /// versions of one agency sentence with a word changed or added score 0.5 to 1.0, sentences
    /// that only share a phrase ("in der Ukraine") under 0.2.
    static let threshold = 0.5
    /// A sketch is 16 minimum hashes (16 bits of each), read as `bands` bands of two
    /// (locality-sensitive hashing): a pair is a candidate when one band agrees, which a pair at
    /// the threshold is with a probability of 1 - (1 - 0.5²)^8 = 90 % (at 0.7: 99.7 %). A
    /// candidate is compared word by word only when at least `estimateFloor` of the 16 agree (the
    /// share estimates the similarity): two unrelated sentences that happened to agree in a band
    /// are then dropped without reading them.
    static let bands = 8
    static let estimateFloor = 5

    /// How many of two sketches' minimum hashes agree.
    static func agreement(_ first: SIMD16<UInt16>, _ second: SIMD16<UInt16>) -> Int {
        var count = 0
        for lane in 0..<16 where first[lane] == second[lane] { count += 1 }
        return count
    }

    /// The value of band `band` of a sketch: its two minimum hashes.
    static func band(_ band: Int, of sketch: SIMD16<UInt16>) -> UInt32 {
        UInt32(sketch[2 * band]) << 16 | UInt32(sketch[2 * band + 1])
    }

    /// The hashes of the normalised words of `bytes`, UTF-8 text.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var words: [UInt64] = []
        Self.words(bytes, into: &words)
        return words
    }

    /// `words(_:)` into `words`, emptied first: one buffer serves every sentence of an article.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [UInt64]) {
        words.removeAll(keepingCapacity: true)
        let basis: UInt64 = 0xCBF2_9CE4_8422_2325
        var hash = basis, length = 0, inWord = false
        func end() {
            if inWord { words.append(hash) }
            (hash, length, inWord) = (basis, 0, false)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let code = byteClasses[Int(byte)]
            if code >= ByteClass.letters {
                add(code, &hash, &length)
                inWord = true
                index += 1
                continue
            }
            switch code {
            case ByteClass.numberSeparator:
                // A separator inside a number joins it.
                if inWord, index + 1 < bytes.count, index > 0, isDigit(bytes[index - 1]), isDigit(bytes[index + 1]) { index += 1; continue }
                end()
                index += 1
            case ByteClass.hyphen:
                // A hyphen inside a word is part of it.
                if inWord, index + 1 < bytes.count, isWordByte(bytes[index + 1]) {
                    add(byte, &hash, &length)
                    index += 1
                } else {
                    end()
                    index += 1
                }
            case ByteClass.latin1:
                // Latin-1 letters; capitals folded (Ä to ä).
                guard index + 1 < bytes.count else { end(); index += 1; continue }
                let next = bytes[index + 1]
                add(0xC3, &hash, &length)
                add(Latin1.isCapital(next) ? next + 0x20 : next, &hash, &length)
                inWord = true
                index += 2
            case ByteClass.punctuation2, ByteClass.punctuation3:
                // Punctuation and spaces of Latin-1 and of U+2000 to U+206F: quotes, dashes, ellipsis.
                end()
                index += code == ByteClass.punctuation2 ? 2 : 3
            default:
                end()
                index += 1
            }
        }
        end()
    }

    /// The sorted, distinct shingles of `words`.
    static func shingles(_ words: [UInt64]) -> [UInt64] {
        guard words.count >= width else { return [] }
        var shingles = (0...(words.count - width)).map { shingle(words[$0..<$0 + width]) }
        shingles.sortDistinct()
        return shingles
    }

    /// The minimum hashes of the shingles of `words` under 16 hash functions (of the form
    /// `a·x + b` modulo 2³², odd `a`, over the upper 32 bits `x` of the shingle's mixed hash),
    /// 16 bits of each. Made from the words as they come: a minimum is the same over a shingle's
    /// repeats, so the shingles need not be sorted into a set (every sentence of every article is
    /// sketched).
    static func sketch(words: [UInt64]) -> SIMD16<UInt16> {
        // 32-bit lanes: one vector multiplication gives all 16 hashes of a shingle (64-bit
        // products, one lane at a time, took three times as long).
        var minima = SIMD16<UInt32>(repeating: .max)
        let (multipliers, increments) = (multipliers, increments)
        words.withUnsafeBufferPointer { words in
            for start in 0..<max(0, words.count - width + 1) {
                let x = SIMD16<UInt32>(repeating: UInt32(truncatingIfNeeded: mix(shingle(words[start..<start + width])) >> 32))
                minima = pointwiseMin(minima, x &* multipliers &+ increments)
            }
        }
        // The lower bits: two different minima agree in them as seldom as random numbers do.
        return SIMD16<UInt16>(truncatingIfNeeded: minima)
    }

    /// The hash of one shingle: its words' hashes combined in order, each step a rotation and
    /// an odd multiplication (which lose nothing of the words); the sketch mixes the result.
    private static func shingle<Words: Collection<UInt64>>(_ words: Words) -> UInt64 {
        var hash: UInt64 = 0
        for word in words { hash = ((hash << 27 | hash >> 37) ^ word) &* 0x9E37_79B9_7F4A_7C15 }
        return hash
    }

    /// The Jaccard similarity of two sorted, distinct shingle sets.
    static func similarity(_ first: [UInt64], _ second: [UInt64]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var (i, j, shared) = (0, 0, 0)
        while i < first.count, j < second.count {
            if first[i] == second[j] { (shared, i, j) = (shared + 1, i + 1, j + 1) } else if first[i] < second[j] { i += 1 } else { j += 1 }
        }
        return Double(shared) / Double(first.count + second.count - shared)
    }

    /// `similarity` of two texts.
    static func similarity(of first: String, and second: String) -> Double {
        similarity(shingles(of: first), shingles(of: second))
    }

    static func shingles(of text: String) -> [UInt64] {
        Array(text.utf8).withUnsafeBufferPointer { shingles(words($0)) }
    }
}

private extension Shingles {
    /// Odd multipliers and increments of the sketch's hash functions (fixed: sketches are compared
    /// across articles, and the same text must give the same sketch on every build).
    static let multipliers = SIMD16<UInt32>((0..<16).map { UInt32(truncatingIfNeeded: mix(UInt64($0) &* 0x9E37_79B9_7F4A_7C15)) | 1 })
    static let increments = SIMD16<UInt32>((0..<16).map { UInt32(truncatingIfNeeded: mix(UInt64($0) &+ 0xD6E8_FEB8_6659_FD93)) })

    /// SplitMix64's finaliser: every bit of the input moves every bit of the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func add(_ byte: UInt8, _ hash: inout UInt64, _ length: inout Int) {
        if length < prefix { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        length += 1
    }

    /// What each byte is to `words`: a word's byte as it is hashed (from `ByteClass.letters` on:
    /// digits, letters in lower case, bytes of other scripts), or one of `ByteClass`'s cases.
    static let byteClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte) | 0x20
        case 0x2E, 0x2C: ByteClass.numberSeparator
        case 0x2D: ByteClass.hyphen
        case 0xC3: ByteClass.latin1
        case 0xC2: ByteClass.punctuation2
        case 0xE2: ByteClass.punctuation3
        case 0x80...0xFF: UInt8(byte)
        default: ByteClass.separator
        }
    }

    /// The classes of `byteClasses` that are not a word's byte; every word's byte is at least `letters`.
    enum ByteClass {
        static let separator: UInt8 = 0, numberSeparator: UInt8 = 1, hyphen: UInt8 = 2, latin1: UInt8 = 3
        static let punctuation2: UInt8 = 4, punctuation3: UInt8 = 5
        static let letters: UInt8 = 0x30
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0xC3
    }
}

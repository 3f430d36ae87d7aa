/// Latin-1 letters in UTF-8, whose lead byte is C3: German's Ä, Ö, Ü and their kin, which byte
/// readers fold to lower case without a string.
public enum Latin1 {
    /// Whether `byte`, following C3, is a capital's second byte (À to Þ, but not ×): adding 0x20
    /// gives its small letter's.
    @inlinable
    public static func isCapital(_ byte: UInt8) -> Bool {
        byte >= 0x80 && byte <= 0x9E && byte != 0x97
    }
}

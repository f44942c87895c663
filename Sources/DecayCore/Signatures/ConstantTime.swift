/// Byte comparison whose running time does not depend on where two MACs differ,
/// so a caller cannot learn a valid signature one byte at a time by timing rejections.
public enum ConstantTime {
    /// True when both byte arrays are equal. Only the lengths (public for MACs) can end the
    /// comparison early; every byte of equal-length inputs is always examined.
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}

/// Masks personal data for the screen: 13812345678 → 138****5678.
public enum Privacy {
    public static func mask(_ contact: String) -> String {
        let chars = Array(contact)
        if chars.count >= 7 {
            return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
        }
        if chars.count <= 1 { return "*" }
        return String(chars.prefix(1)) + String(repeating: "*", count: chars.count - 1)
    }
}

/// What a published picture still holds that the build leaves out of pictures, for checks from outside the
/// library (the fuzzer): empty for every copy the build makes.
public enum PictureCheck {
    /// What cleaning `bytes` again would leave out, in plain words; the orientation-only EXIF block the build
    /// writes is not counted. Empty for anything that is not a JPEG, PNG, GIF or WebP.
    public static func leftIn(_ bytes: [UInt8]) -> [String] {
        let removed = ImagePublishing.cleaned(bytes)?.removed ?? []
        return removed.filter { $0 != "EXIF" }
    }
}

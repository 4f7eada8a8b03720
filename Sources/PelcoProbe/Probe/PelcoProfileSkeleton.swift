/// What `checkup profile new --protocol pelco` starts from: one point and one check, valid as written.
enum PelcoProfileSkeleton {
    static let yaml = """
        # No identify: Pelco decoders do not say what they are; sites name the profile.

        points:
          pan:
            query: pan

        checks:
          - id: answers
            title: {zh: 解码器应答, en: Decoder answers}
            point: pan
            range: "0:360"
        """
}

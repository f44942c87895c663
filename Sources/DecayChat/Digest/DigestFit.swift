/// Finds how many items per section a whole payload can hold: the largest cap whose payload fits, by bisection
/// (a payload only grows with the cap). Cap 0 leaves each section a "…and N more" line, which always fits.
enum DigestFit {
    static func largest<Payload>(upTo maxCap: Int, fits: (Payload) -> Bool, build: (Int) -> Payload) -> Payload {
        let full = build(maxCap)
        if fits(full) { return full }
        var low = 0
        var high = maxCap - 1
        var best = build(0)
        while low <= high {
            let middle = (low + high) / 2
            let payload = build(middle)
            if fits(payload) {
                best = payload
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }
}

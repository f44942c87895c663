/// Path data (`d`) built from points; a point that is nil or not finite breaks the line, so a missing week
/// or a degenerate fit leaves a gap instead of a NaN in the markup.
public struct SVGPath: Sendable, Equatable {
    /// The `d` attribute so far; empty when no finite point was added.
    public private(set) var data = ""
    private var penDown = false

    public init() {}

    /// Extends the current line to (x, y), or starts a new one after a gap.
    public mutating func add(_ x: Double?, _ y: Double?) {
        guard let x, let y, let sx = SVGWriter.number(x), let sy = SVGWriter.number(y) else {
            self.penDown = false
            return
        }
        self.data += (self.data.isEmpty ? "" : " ") + (self.penDown ? "L" : "M") + "\(sx) \(sy)"
        self.penDown = true
    }

    /// Ends the current line: the next point starts a new one.
    public mutating func lift() {
        self.penDown = false
    }

    /// Adds a closed rectangle as its own sub-path (`M x y h w v h h -w Z`); skipped when any number is not finite.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        guard let sx = SVGWriter.number(x), let sy = SVGWriter.number(y), let w = SVGWriter.number(width),
            let h = SVGWriter.number(height)
        else { return }
        self.data += (self.data.isEmpty ? "" : " ") + "M\(sx) \(sy)h\(w)v\(h)h-\(w)Z"
        self.penDown = false
    }

    /// Closes the current sub-path (for filled bands).
    public mutating func closeShape() {
        if self.penDown { self.data += " Z" }
        self.penDown = false
    }
}

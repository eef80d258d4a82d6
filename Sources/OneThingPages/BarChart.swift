import OneThing

/// A horizontal bar chart as inline SVG, in the plain style of the plan graph
/// (`PlanGraph.svg`): one row a label (Chinese, the English under it), one or more
/// bars a row, each bar stacked from coloured segments, a note after each bar, light
/// grid lines at the ticks. It scales with its `viewBox`, takes the page's fonts, and
/// prints as drawn.
struct BarChart: Sendable {
    /// A part of a bar.
    struct Segment: Sendable {
        /// Its length, in the chart's unit.
        var value: Double
        /// Its fill colour.
        var color: String
        /// What it counts, for the tooltip.
        var label: String
    }

    /// One bar: its segments, and the note written after it.
    struct Bar: Sendable {
        /// The segments, left to right.
        var segments: [Segment]
        /// The note after the bar (`75% (6/8)`).
        var note: String
    }

    /// One row: a label and its bars.
    struct Row: Sendable {
        /// The row's label.
        var label: LocalizedText
        /// Its bars, top to bottom.
        var bars: [Bar]
    }

    /// The chart's accessible title.
    var title: LocalizedText
    /// The rows, top to bottom.
    var rows: [Row]
    /// The value at the right end of the plot.
    var maximum: Double
    /// The grid lines: their values and labels.
    var ticks: [(value: Double, label: String)]

    static let width = 560.0
    static let labelWidth = 158.0
    static let plotStart = 166.0
    static let plotEnd = 472.0
    static let barHeight = 13.0
    static let barGap = 4.0
    static let rowGap = 12.0
    static let top = 6.0
    static let axis = 22.0
    static let ink = "#3c4450"
    static let grid = "#e1e5ea"

    /// The chart as an `<svg>` element, ending with a line break.
    func svg() -> String {
        let e = PageMarkup.e
        var y = Self.top
        var body = ""
        for row in rows {
            let barsHeight =
                Double(row.bars.count) * Self.barHeight + Double(max(0, row.bars.count - 1)) * Self.barGap
            let height = max(barsHeight, 30)
            let middle = y + height / 2
            let zh = Self.fit(row.label.zh, size: 13, width: Self.labelWidth)
            if row.label.en != row.label.zh {
                let en = Self.fit(row.label.en, size: 10, width: Self.labelWidth)
                body +=
                    "<text x=\"\(Self.n(Self.labelWidth))\" y=\"\(Self.n(middle - 2))\" text-anchor=\"end\" font-size=\"13\" fill=\"#111111\">\(e(zh))</text>"
                body +=
                    "<text x=\"\(Self.n(Self.labelWidth))\" y=\"\(Self.n(middle + 11))\" text-anchor=\"end\" font-size=\"10\" fill=\"#5a6470\">\(e(en))</text>\n"
            } else {
                body +=
                    "<text x=\"\(Self.n(Self.labelWidth))\" y=\"\(Self.n(middle + 4.5))\" text-anchor=\"end\" font-size=\"13\" fill=\"#111111\">\(e(zh))</text>\n"
            }
            var barY = y + (height - barsHeight) / 2
            for bar in row.bars {
                var x = Self.plotStart
                for segment in bar.segments where segment.value > 0 {
                    let length = scaled(segment.value)
                    body +=
                        "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(barY))\" width=\"\(Self.n(length))\" height=\"\(Self.n(Self.barHeight))\" fill=\"\(segment.color)\"><title>\(e(segment.label))</title></rect>"
                    x += length
                }
                body +=
                    "<text x=\"\(Self.n(x + 5))\" y=\"\(Self.n(barY + Self.barHeight - 2.5))\" font-size=\"11\" fill=\"\(Self.ink)\">\(e(bar.note))</text>\n"
                barY += Self.barHeight + Self.barGap
            }
            y += height + Self.rowGap
        }
        let plotBottom = max(y - Self.rowGap + 4, Self.top + 10)
        let height = plotBottom + Self.axis
        var grid = ""
        for tick in ticks {
            let x = Self.plotStart + scaled(tick.value)
            grid +=
                "<line x1=\"\(Self.n(x))\" y1=\"\(Self.n(Self.top - 2))\" x2=\"\(Self.n(x))\" y2=\"\(Self.n(plotBottom))\" stroke=\"\(Self.grid)\" stroke-width=\"1\"/>"
            grid +=
                "<text x=\"\(Self.n(x))\" y=\"\(Self.n(plotBottom + 15))\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#5a6470\">\(e(tick.label))</text>\n"
        }
        let label = "\(title.zh) \(title.en)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" viewBox="0 0 \(Self.n(Self.width)) \(Self.n(height))" \
            width="\(Self.n(Self.width))" height="\(Self.n(height))" role="img" aria-label="\(e(label))">
            <title>\(e(label))</title>
            <g class="grid">\(grid)</g>
            <line x1="\(Self.n(Self.plotStart))" y1="\(Self.n(Self.top - 2))" x2="\(Self.n(Self.plotStart))" y2="\(Self.n(plotBottom))" stroke="\(Self.ink)" stroke-width="1"/>
            <g class="rows">
            \(body)</g>
            </svg>

            """
    }

    /// The length of `value` on the plot.
    func scaled(_ value: Double) -> Double {
        guard maximum > 0, value.isFinite else { return 0 }
        return min(max(value, 0), maximum) / maximum * (Self.plotEnd - Self.plotStart)
    }

    /// Ticks for counts up to `maximum`: whole numbers a step of 1, 2 or 5 times a
    /// power of ten apart, at most about six; the chart's maximum is the last tick.
    static func countTicks(upTo maximum: Int) -> (maximum: Double, ticks: [(value: Double, label: String)]) {
        var magnitude = 1
        var step = 1
        search: while true {
            for factor in [1, 2, 5] where maximum <= factor * magnitude * 5 {
                step = factor * magnitude
                break search
            }
            magnitude *= 10
        }
        let top = max(step, (maximum + step - 1) / step * step)
        return (Double(top), stride(from: 0, through: top, by: step).map { (Double($0), String($0)) })
    }

    /// Ticks of a rate, 0% to 100% by 25%.
    static let rateTicks: [(value: Double, label: String)] = stride(from: 0, through: 100, by: 25).map {
        (Double($0) / 100, "\($0)%")
    }

    /// `text` cut with an ellipsis to fit `width` at font size `size`, counting a CJK
    /// character as one em and any other as 0.56 em.
    static func fit(_ text: String, size: Double, width: Double) -> String {
        func advance(_ character: Character) -> Double {
            character.unicodeScalars.first.map { $0.value >= 0x2E80 ? size : size * 0.56 } ?? 0
        }
        guard text.reduce(0, { $0 + advance($1) }) > width else { return text }
        var total = size  // the ellipsis
        var kept = ""
        for character in text {
            total += advance(character)
            if total > width { break }
            kept.append(character)
        }
        return kept + "…"
    }

    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

package model

import (
	"errors"
	"strings"

	"finexport/templates"

	"github.com/shopspring/decimal"
)

// Display kinds: how a figure is shown, in the workbook (as an Excel number
// format) and in the PDF (as text). Both come from this one table, so the
// two show the same digits.
const (
	ShowMoney    = "money"     // 2,500,000 and (1,223,000)
	ShowPerShare = "per-share" // (0.03)
	ShowShares   = "shares"    // 40,265,493
	ShowPercent  = "percent"   // 6.4% and (12.4%), from a fraction
	ShowRatio    = "ratio"     // 6.10x
	ShowQuarters = "quarters"  // 6.8
	ShowPoints   = "points"    // 14.6 pp, a change of two percents
	ShowPrinted  = "printed %" // 35.0, a percent as a document prints it (its unit column says percent)
	ShowPlain    = "plain"
)

// Texts shown where a computed figure has no value.
const (
	NotAvailable  = templates.NotAvailable // an input is missing or a denominator is zero
	NotMeaningful = templates.NotMeaningfulText
)

type display struct {
	excel  string
	places int32
	scale  int32 // decimal shift before rounding: 2 for a percentage
	suffix string
}

var displays = map[string]display{
	ShowMoney:    {`#,##0_);(#,##0);"–"_)`, 0, 0, ""},
	ShowPerShare: {`#,##0.00_);(#,##0.00);"–"_)`, 2, 0, ""},
	ShowShares:   {`#,##0_);(#,##0);"–"_)`, 0, 0, ""},
	ShowPercent:  {`0.0%_);(0.0%);"–"_)`, 1, 2, "%"},
	ShowRatio:    {`0.00"x"_);(0.00"x");"–"_)`, 2, 0, "x"},
	ShowQuarters: {`0.0_);(0.0);"–"_)`, 1, 0, ""},
	ShowPoints:   {`0.0" pp"_);(0.0" pp");"–"_)`, 1, 0, " pp"},
	ShowPrinted:  {`#,##0.0_);(#,##0.0);"–"_)`, 1, 0, ""},
	ShowPlain:    {`General`, -1, 0, ""},
}

// DisplayFor maps a unit (of an item, or of a metric) to its display kind.
func DisplayFor(unit string) string {
	switch unit {
	case "USD":
		return ShowMoney
	case "USD/share":
		return ShowPerShare
	case "shares":
		return ShowShares
	case "percent":
		return ShowPercent
	case "ratio":
		return ShowRatio
	case "quarters":
		return ShowQuarters
	case "points":
		return ShowPoints
	}
	return ShowPlain
}

// ChangeKind is the display kind of a metric's change: the change metric's
// own unit (points), or the metric's unit for a change in "USD", which means
// "the unit of what changes".
func ChangeKind(change, of *templates.Metric) string {
	if change.Unit == "USD" {
		return DisplayFor(of.Unit)
	}
	return DisplayFor(change.Unit)
}

// FactDisplay maps a fact's (or an item's) unit to its display kind. A
// percent fact holds the figure as printed (35 for 35%), not a fraction,
// so it shows as a number beside its unit, never under a % format.
func FactDisplay(unit string) string {
	if unit == "percent" {
		return ShowPrinted
	}
	return DisplayFor(unit)
}

// Unshown is the text for a figure that could not be computed: "n/m" when
// it would not be meaningful, "n/a" otherwise.
func Unshown(err error) string {
	if errors.Is(err, templates.ErrNotMeaningful) {
		return NotMeaningful
	}
	return NotAvailable
}

// Shown is a computed figure as text: its value, or why there is none.
func Shown(v decimal.Decimal, err error, kind string) string {
	if err != nil {
		return Unshown(err)
	}
	return Display(v, kind)
}

// ExcelFormat is the number format of a display kind. A fixed format gets a
// text section that pads "n/a" and "n/m" as its figures are padded, so
// that they line up under them.
func ExcelFormat(kind string) string {
	if d := displays[kind]; d.places >= 0 {
		return d.excel + ";@_)"
	}
	return displays[kind].excel
}

// Display writes a value as the workbook shows it: thousands separators,
// negatives in brackets, zero as a dash, rounded half away from zero.
func Display(v decimal.Decimal, kind string) string {
	d := displays[kind]
	if d.places < 0 {
		return v.String()
	}
	r := v.Shift(d.scale).Round(d.places)
	if r.IsZero() {
		return "–"
	}
	s := group(r.Abs().StringFixed(d.places)) + d.suffix
	if r.IsNegative() {
		return "(" + s + ")"
	}
	return s
}

// Grouped writes a decimal in full, with thousands separators:
// -1,223,000 or 0.0304.
func Grouped(d decimal.Decimal) string {
	if d.IsNegative() {
		return "-" + group(d.Abs().String())
	}
	return group(d.String())
}

// group puts thousands separators into the whole part of a number.
func group(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return b.String() + "." + frac
	}
	return b.String()
}

// Scale is the one display scale of a company's money figures: units,
// thousands or millions, chosen from their magnitudes, with as many
// decimals (none or one) as keep every reported digit. Cells keep full
// units: the workbook shows the scale with a number format (#,##0, for
// thousands), the PDF with Display; both give the same digits. Per-share
// figures, share counts, ratios and percentages are never scaled.
type Scale struct {
	Shift  int32 // 0, 3 or 6: money is shown in units, thousands or millions
	Places int32 // decimals shown at that scale
}

// scaleNames name the scales by their shift.
var scaleNames = map[int32]string{0: "USD", 3: "USD thousands", 6: "USD millions"}

// Name is how a units column writes money at this scale: "USD thousands".
func (s Scale) Name() string { return scaleNames[s.Shift] }

// Unit is the units label of a figure of the given unit at this scale.
func (s Scale) Unit(unit string) string {
	if DisplayFor(unit) == ShowMoney {
		return s.Name()
	}
	return unit
}

// Caption heads a table of figures: "USD thousands, except per-share".
func (s Scale) Caption() string { return s.Name() + ", except per-share" }

// ExcelFormat is the number format of a display kind at this scale: a
// trailing comma per thousand divides what is shown, never the value.
func (s Scale) ExcelFormat(kind string) string {
	if kind != ShowMoney || s.Shift == 0 {
		return ExcelFormat(kind)
	}
	n := "#,##0"
	if s.Places > 0 {
		n += "." + strings.Repeat("0", int(s.Places))
	}
	n += strings.Repeat(",", int(s.Shift/3))
	return n + `_);(` + n + `);"–"_);@_)`
}

// Shown is a computed figure at this scale: its value, or why there is
// none ("n/a", "n/m").
func (s Scale) Shown(v decimal.Decimal, err error, kind string) string {
	if err != nil {
		return Unshown(err)
	}
	return s.Display(v, kind)
}

// Display writes a value as the workbook shows it at this scale.
func (s Scale) Display(v decimal.Decimal, kind string) string {
	if kind != ShowMoney || s.Shift == 0 {
		return Display(v, kind)
	}
	r := v.Shift(-s.Shift).Round(s.Places)
	if r.IsZero() {
		return "–"
	}
	t := group(r.Abs().StringFixed(s.Places))
	if r.IsNegative() {
		return "(" + t + ")"
	}
	return t
}

// chooseScale picks the scale for money figures: millions from a billion
// up, thousands from a million up, units below; then the finest decimals
// (none or one) that show every figure exactly, or else the next smaller
// scale. Units show whole dollars, as a statement does.
func chooseScale(money []decimal.Decimal) Scale {
	largest := decimal.Zero
	for _, v := range money {
		largest = decimal.Max(largest, v.Abs())
	}
	shift := int32(0)
	switch {
	case largest.GreaterThanOrEqual(decimal.New(1, 9)):
		shift = 6
	case largest.GreaterThanOrEqual(decimal.New(1, 6)):
		shift = 3
	}
	for ; shift > 0; shift -= 3 {
		for places := int32(0); places <= 1; places++ {
			if allExact(money, shift-places) {
				return Scale{Shift: shift, Places: places}
			}
		}
	}
	return Scale{}
}

// allExact reports whether every value is a whole multiple of 10^exp.
func allExact(values []decimal.Decimal, exp int32) bool {
	for _, v := range values {
		if !v.Shift(-exp).IsInteger() {
			return false
		}
	}
	return true
}

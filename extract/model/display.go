package model

import (
	"strings"

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
	ShowPlain    = "plain"
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
	}
	return ShowPlain
}

// ExcelFormat is the number format of a display kind.
func ExcelFormat(kind string) string { return displays[kind].excel }

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

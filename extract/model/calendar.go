package model

import (
	"fmt"
	"math"
	"time"

	"finexport/extract"
)

// Period kinds.
const (
	Quarter    = "Q"  // three months
	FirstHalf  = "H1" // six months from the start of the fiscal year
	SecondHalf = "H2" // six months to the end of the fiscal year
	NineMonths = "9M" // nine months from the start of the fiscal year
	FullYear   = "FY"
	Instant    = "I" // a balance-sheet date
	OtherSpan  = "M" // any other span ("4M to 2003-10-31")
)

// FiscalPeriod is a period named the way finance people name it: Q2 FY2004
// is the quarter ended 2003-12-31 for a June year end, H1 FY2004 the six
// months ended then, FY2003 the full year. A balance-sheet date is named by
// its date and knows the quarter that ends on it.
type FiscalPeriod struct {
	Name    string
	Kind    string
	FY      int
	Quarter int // the quarter a Q period is, or the last quarter a YTD period covers
	Period  extract.Period
}

// Months is the length of the period, 0 for an instant.
func (p FiscalPeriod) Months() int { return p.Period.Months }

// Calendar names periods for a fiscal year end. A year end that falls near
// rather than on a month end (52/53-week years) is matched within a week.
type Calendar struct {
	// YearEnd holds the month and day the fiscal year ends (year ignored).
	YearEnd time.Time
}

const week = 7 * 24 * time.Hour

// FiscalYearEnd returns the nominal end of fiscal year fy.
func (c Calendar) FiscalYearEnd(fy int) time.Time {
	d := time.Date(fy, c.YearEnd.Month(), c.YearEnd.Day(), 0, 0, 0, 0, time.UTC)
	if d.Month() != c.YearEnd.Month() { // February 29 in a common year
		d = d.AddDate(0, 0, -d.Day())
	}
	return d
}

// FiscalYear names the fiscal year a date falls in: the first year whose
// end is on or after it, allowing a week for 52/53-week years.
func (c Calendar) FiscalYear(d time.Time) int {
	for fy := d.Year() - 1; ; fy++ {
		if !d.After(c.FiscalYearEnd(fy).Add(week)) {
			return fy
		}
	}
}

// Start returns the nominal first day of fiscal year fy.
func (c Calendar) Start(fy int) time.Time {
	return c.FiscalYearEnd(fy-1).AddDate(0, 0, 1)
}

func near(a, b time.Time) bool {
	d := a.Sub(b)
	return d <= week && d >= -week
}

// Name names a period.
func (c Calendar) Name(p extract.Period) FiscalPeriod {
	fp := FiscalPeriod{Period: p, FY: c.FiscalYear(p.End)}
	switch {
	case p.IsInstant():
		fp.Kind, fp.Name = Instant, p.End.Format("2006-01-02")
		fp.Quarter = c.quarterOf(p.End, fp.FY)
		return fp
	case p.Months == 12:
		fp.Kind, fp.Quarter = FullYear, 4
	case p.Months == 3:
		fp.Kind, fp.Quarter = Quarter, c.quarterOf(p.End, fp.FY)
	case (p.Months == 6 || p.Months == 9) && near(p.Start, c.Start(fp.FY)):
		fp.Kind, fp.Quarter = FirstHalf, p.Months/3
		if p.Months == 9 {
			fp.Kind = NineMonths
		}
	case p.Months == 6 && near(p.End, c.FiscalYearEnd(fp.FY)):
		fp.Kind, fp.Quarter = SecondHalf, 4
	default:
		fp.Kind = OtherSpan
		fp.Name = fmt.Sprintf("%dM to %s", p.Months, p.End.Format("2006-01-02"))
		return fp
	}
	fp.Name = c.label(fp.Kind, fp.Quarter, fp.FY)
	return fp
}

func (c Calendar) label(kind string, quarter, fy int) string {
	switch kind {
	case Quarter:
		return fmt.Sprintf("Q%d FY%d", quarter, fy)
	case FullYear:
		return fmt.Sprintf("FY%d", fy)
	}
	return fmt.Sprintf("%s FY%d", kind, fy)
}

// quarterOf counts the quarters from the start of the fiscal year to d.
func (c Calendar) quarterOf(d time.Time, fy int) int {
	days := d.Sub(c.Start(fy)).Hours()/24 + 1
	q := int(math.Round(days / (365.25 / 4)))
	return max(1, min(4, q))
}

// QuarterName names quarter q of fiscal year fy.
func (c Calendar) QuarterName(fy, q int) string { return c.label(Quarter, q, fy) }

// InferYearEnd picks the fiscal year end most of the filings imply; ties
// go to the latest release.
func InferYearEnd(filings []*extract.Filing) time.Time {
	count := map[time.Time]int{}
	var best time.Time
	for _, f := range filings {
		if f.FiscalYearEnd.IsZero() {
			continue
		}
		count[f.FiscalYearEnd]++
		if best.IsZero() || count[f.FiscalYearEnd] >= count[best] {
			best = f.FiscalYearEnd
		}
	}
	return best
}

package extract

import (
	"fmt"
	"math"
	"time"
)

// Calendar is a company's fiscal calendar: the one set of rules by which
// extraction dates columns and prose and the model names and derives
// periods. Fiscal year fy is named by the calendar year in which it ends.
type Calendar struct {
	// YearEnd holds the month and day the fiscal year ends (year ignored);
	// zero when unknown.
	YearEnd time.Time
	// Weeks is true for 52/53-week years, which end on a weekday near
	// YearEnd rather than on it.
	Weeks bool
	// Ends holds the exact end of each fiscal year a document states.
	Ends map[int]time.Time
}

// Period kinds of a FiscalPeriod.
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
	Period  Period
}

// Months is the length of the period, 0 for an instant.
func (p FiscalPeriod) Months() int { return p.Period.Months }

const week = 7 * 24 * time.Hour

// Near reports two dates within a week: the slack of a 52/53-week year end.
func Near(a, b time.Time) bool {
	d := a.Sub(b)
	return d <= week && d >= -week
}

// Known reports whether the year end is known.
func (c Calendar) Known() bool { return !c.YearEnd.IsZero() }

// NominalEnd returns the month-and-day end of fiscal year fy: February 28
// for a February 29 year end in a common year.
func (c Calendar) NominalEnd(fy int) time.Time {
	d := date(fy, c.YearEnd.Month(), c.YearEnd.Day())
	if d.Month() != c.YearEnd.Month() {
		d = d.AddDate(0, 0, -d.Day())
	}
	return d
}

// End returns the exact end of fiscal year fy and whether it is known: the
// date a document states for it, or the nominal end when years end on a
// month end. A 52/53-week year nobody dated is not known.
func (c Calendar) End(fy int) (time.Time, bool) {
	if d, ok := c.Ends[fy]; ok {
		return d, true
	}
	if !c.Known() || c.Weeks {
		return time.Time{}, false
	}
	return c.NominalEnd(fy), true
}

// FiscalYear names the fiscal year a date falls in: the first year whose
// end is on or after it, allowing a week for 52/53-week years.
func (c Calendar) FiscalYear(d time.Time) int {
	for fy := d.Year() - 1; ; fy++ {
		end, exact := c.Ends[fy]
		if !exact {
			end = c.NominalEnd(fy).Add(week)
		}
		if !d.After(end) {
			return fy
		}
	}
}

// YearEndingNear names the fiscal year whose nominal end lies within a week
// of d, if any: January 2, 2000 ends fiscal 1999 of a December year.
func (c Calendar) YearEndingNear(d time.Time) (int, bool) {
	if !c.Known() {
		return 0, false
	}
	for _, y := range []int{d.Year(), d.Year() - 1, d.Year() + 1} {
		if Near(d, c.NominalEnd(y)) {
			return y, true
		}
	}
	return 0, false
}

// endOrNominal is the exact end of fiscal year fy when known, else its
// nominal end.
func (c Calendar) endOrNominal(fy int) time.Time {
	if d, ok := c.Ends[fy]; ok {
		return d
	}
	return c.NominalEnd(fy)
}

// Start returns the first day of fiscal year fy: the day after the exact
// end of the year before when known, else after its nominal end.
func (c Calendar) Start(fy int) time.Time {
	return c.endOrNominal(fy-1).AddDate(0, 0, 1)
}

// MonthEnd returns the last day of the month that closes the first months
// of fiscal year fy: MonthEnd(2004, 6) is 2003-12-31 for a June year end.
func (c Calendar) MonthEnd(fy, months int) (time.Time, bool) {
	if !c.Known() || fy == 0 {
		return time.Time{}, false
	}
	first := date(fy, c.YearEnd.Month(), 1).AddDate(0, months-12, 0)
	return first.AddDate(0, 1, -1), true
}

// Name names a period.
func (c Calendar) Name(p Period) FiscalPeriod {
	fp := FiscalPeriod{Period: p, FY: c.FiscalYear(p.End)}
	switch {
	case p.IsInstant():
		fp.Kind, fp.Name = Instant, p.End.Format("2006-01-02")
		fp.Quarter = c.quarterOf(p.End, fp.FY)
		return fp
	case p.Months == 12 && Near(p.End, c.endOrNominal(fp.FY)):
		fp.Kind, fp.Quarter = FullYear, 4
	case p.Months == 3 && c.endsQuarter(p.End, fp.FY):
		fp.Kind, fp.Quarter = Quarter, c.quarterOf(p.End, fp.FY)
	case (p.Months == 6 || p.Months == 9) && Near(p.Start, c.Start(fp.FY)):
		fp.Kind, fp.Quarter = FirstHalf, p.Months/3
		if p.Months == 9 {
			fp.Kind = NineMonths
		}
	case p.Months == 6 && Near(p.End, c.endOrNominal(fp.FY)):
		fp.Kind, fp.Quarter = SecondHalf, 4
	default:
		fp.Kind = OtherSpan
		fp.Name = fmt.Sprintf("%dM to %s", p.Months, p.End.Format("2006-01-02"))
		return fp
	}
	fp.Name = PeriodName(fp.Kind, fp.Quarter, fp.FY)
	return fp
}

// PeriodName names a period of a kind: "Q2 FY2004", "FY2003", "H1 FY2004".
func PeriodName(kind string, quarter, fy int) string {
	switch kind {
	case Quarter:
		return fmt.Sprintf("Q%d FY%d", quarter, fy)
	case FullYear:
		return fmt.Sprintf("FY%d", fy)
	}
	return fmt.Sprintf("%s FY%d", kind, fy)
}

// QuarterName names quarter q of fiscal year fy.
func (c Calendar) QuarterName(fy, q int) string { return PeriodName(Quarter, q, fy) }

// endsQuarter reports whether d ends a quarter of fiscal year fy, within
// a week: a month-end quarter or a 13-week one. Twelve or three months
// that end elsewhere (a year end the calendar does not share) are no
// fiscal year or quarter: named as one, two periods would share a name.
func (c Calendar) endsQuarter(d time.Time, fy int) bool {
	q := c.quarterOf(d, fy)
	if end, ok := c.MonthEnd(fy, 3*q); ok && Near(d, end) {
		return true
	}
	return Near(d, c.Start(fy).AddDate(0, 0, 91*q-1))
}

// quarterOf counts the quarters from the start of the fiscal year to d.
func (c Calendar) quarterOf(d time.Time, fy int) int {
	days := d.Sub(c.Start(fy)).Hours()/24 + 1
	q := int(math.Round(days / (365.25 / 4)))
	return max(1, min(4, q))
}

// MergeCalendars joins the calendars of several documents of one company:
// the year end most of them state (ties go to the last), 52/53-week years
// if any document with that year end counts weeks, and every exact year
// end the documents agree on. A year dated two ways is left undated. Year
// ends within a week of each other (September 27 and 25 of a 52/53-week
// company, February 28 and 29) are one year end.
func MergeCalendars(cals []Calendar) Calendar {
	var groups [][]Calendar
	for _, c := range cals {
		if !c.Known() {
			continue
		}
		k := 0
		for ; k < len(groups) && !SameYearEnd(groups[k][0].YearEnd, c.YearEnd); k++ {
		}
		if k == len(groups) {
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], c)
	}
	best := -1
	for k := range groups {
		if best < 0 || len(groups[k]) >= len(groups[best]) {
			best = k
		}
	}
	if best < 0 {
		return Calendar{}
	}
	var out Calendar
	count := map[time.Time]int{}
	ends, dropped := map[int]time.Time{}, map[int]bool{}
	for _, c := range groups[best] {
		if count[c.YearEnd]++; !out.Known() || count[c.YearEnd] >= count[out.YearEnd] {
			out.YearEnd = c.YearEnd
		}
		out.Weeks = out.Weeks || c.Weeks
		for fy, d := range c.Ends {
			if prev, ok := ends[fy]; ok && !prev.Equal(d) {
				dropped[fy] = true
			}
			ends[fy] = d
		}
	}
	for fy := range dropped {
		delete(ends, fy)
	}
	if len(ends) > 0 {
		out.Ends = ends
	}
	return out
}

// ContradictsYearEnd reports a year end (month and day; zero for none)
// that the filing's own stated year end contradicts.
func (f *Filing) ContradictsYearEnd(yearEnd time.Time) bool {
	return !yearEnd.IsZero() && !f.StatedYearEnd.IsZero() && !SameYearEnd(f.StatedYearEnd, yearEnd)
}

// SameYearEnd reports two year ends (month and day) within a week of each
// other in a common year: one company's year end as two documents state it.
func SameYearEnd(a, b time.Time) bool {
	return Near(date(2001, a.Month(), a.Day()), date(2001, b.Month(), b.Day())) ||
		Near(date(2001, a.Month(), a.Day()), date(2002, b.Month(), b.Day())) ||
		Near(date(2002, a.Month(), a.Day()), date(2001, b.Month(), b.Day()))
}

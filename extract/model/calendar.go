package model

import (
	"time"

	"finexport/extract"
)

// The fiscal calendar is extraction's: one set of rules dates the columns
// of a document and names the periods of the model.
type (
	Calendar     = extract.Calendar
	FiscalPeriod = extract.FiscalPeriod
)

// Period kinds, as extraction names them.
const (
	Quarter    = extract.Quarter
	FirstHalf  = extract.FirstHalf
	SecondHalf = extract.SecondHalf
	NineMonths = extract.NineMonths
	FullYear   = extract.FullYear
	Instant    = extract.Instant
	OtherSpan  = extract.OtherSpan
)

// companyCalendar is the calendar the filings agree on. An override sets
// the year end; the filings that share it still lend their exact ends.
func companyCalendar(filings []*extract.Filing, override time.Time) Calendar {
	var cals []Calendar
	for _, f := range filings {
		if override.IsZero() || f.Calendar.Known() && extract.SameYearEnd(f.Calendar.YearEnd, override) {
			cals = append(cals, f.Calendar)
		}
	}
	c := extract.MergeCalendars(cals)
	if !override.IsZero() {
		c.YearEnd = override
	}
	return c
}

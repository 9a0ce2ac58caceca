package extract

import (
	"testing"
	"time"
)

func TestCalendarNames(t *testing.T) {
	june := Calendar{YearEnd: time.Date(2000, 6, 30, 0, 0, 0, 0, time.UTC)}
	dec31 := Calendar{YearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)}
	sept := Calendar{YearEnd: time.Date(2000, 9, 27, 0, 0, 0, 0, time.UTC)} // 52/53 weeks, late September
	d := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	dur := func(from, to string, months int) Period {
		return Period{Start: d(from), End: d(to), Months: months}
	}
	tests := []struct {
		cal  Calendar
		p    Period
		want string
	}{
		{june, dur("2003-10-01", "2003-12-31", 3), "Q2 FY2004"},
		{june, dur("2003-07-01", "2003-12-31", 6), "H1 FY2004"},
		{june, dur("2003-07-01", "2004-03-31", 9), "9M FY2004"},
		{june, dur("2002-07-01", "2003-06-30", 12), "FY2003"},
		{june, dur("2003-01-01", "2003-06-30", 6), "H2 FY2003"},
		{june, Period{End: d("2003-12-31")}, "2003-12-31"},
		{dec31, dur("2004-01-01", "2004-03-31", 3), "Q1 FY2004"},
		{dec31, dur("2003-10-01", "2003-12-31", 3), "Q4 FY2003"},
		{dec31, dur("2003-01-01", "2003-12-31", 12), "FY2003"},
		{dec31, dur("2004-01-01", "2004-06-30", 6), "H1 FY2004"},
		{sept, dur("2003-06-29", "2003-09-27", 3), "Q4 FY2003"},
		{sept, dur("2003-09-28", "2003-12-27", 3), "Q1 FY2004"},
		{sept, dur("2003-09-28", "2004-03-27", 6), "H1 FY2004"},
		{sept, dur("2002-09-29", "2003-09-27", 12), "FY2003"},
		{sept, dur("2003-09-28", "2004-10-02", 12), "FY2004"},  // a 53-week year ends a week late
		{dec31, dur("2003-01-05", "2004-01-03", 12), "FY2003"}, // 53 weeks ending early January
		{june, dur("2003-08-01", "2003-11-30", 4), "4M to 2003-11-30"},
		// A year end the periods do not share: no fiscal year, no quarter.
		{dec31, dur("2002-07-01", "2003-06-30", 12), "12M to 2003-06-30"},
		{dec31, dur("2002-12-01", "2003-02-28", 3), "3M to 2003-02-28"},
		{june, dur("2003-01-01", "2003-12-31", 12), "12M to 2003-12-31"},
	}
	for _, tt := range tests {
		if got := tt.cal.Name(tt.p).Name; got != tt.want {
			t.Errorf("%s: %s, want %s", tt.p, got, tt.want)
		}
	}
}

// A 52/53-week calendar with the ends its documents state: a date after
// the exact end of a year belongs to the next even when it lies within a
// week of the nominal end, and a year nobody dated has no known end.
func TestCalendarExactEnds(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	cal := Calendar{YearEnd: d("2000-09-30"), Weeks: true,
		Ends: map[int]time.Time{1993: d("1993-09-24"), 1994: d("1994-09-30")}}
	years := []struct {
		on   string
		want int
	}{
		{"1993-09-24", 1993},
		{"1993-09-28", 1994}, // after the stated end, within a week of September 30
		{"1994-09-30", 1994},
		{"1995-10-06", 1995}, // undated year: the nominal end and a week
		{"1995-10-08", 1996},
	}
	for _, y := range years {
		if got := cal.FiscalYear(d(y.on)); got != y.want {
			t.Errorf("FiscalYear(%s) = %d, want %d", y.on, got, y.want)
		}
	}
	if end, ok := cal.End(1993); !ok || !end.Equal(d("1993-09-24")) {
		t.Errorf("End(1993) = %s %v, want 1993-09-24", end.Format(isoDate), ok)
	}
	if _, ok := cal.End(1995); ok {
		t.Error("End(1995) known, but no document dates that 52/53-week year")
	}
	if end, ok := (Calendar{YearEnd: d("2000-06-30")}).End(2003); !ok || !end.Equal(d("2003-06-30")) {
		t.Errorf("month-end calendar End(2003) = %s %v, want 2003-06-30", end.Format(isoDate), ok)
	}
	if got := cal.Start(1994); !got.Equal(d("1993-09-25")) {
		t.Errorf("Start(1994) = %s, want the day after 1993-09-24", got.Format(isoDate))
	}
	if end, ok := (Calendar{YearEnd: d("2000-02-29")}).End(2003); !ok || !end.Equal(d("2003-02-28")) {
		t.Errorf("leap-day year end in 2003 = %s, want 2003-02-28", end.Format(isoDate))
	}
}

func TestMergeCalendars(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	sept := d("2000-09-30")
	got := MergeCalendars([]Calendar{
		{YearEnd: sept, Ends: map[int]time.Time{1993: d("1993-09-24"), 1994: d("1994-09-30")}},
		{}, // a document that does not say
		{YearEnd: sept, Weeks: true, Ends: map[int]time.Time{1994: d("1994-09-29"), 1995: d("1995-09-29")}},
		{YearEnd: d("2000-12-31")}, // outvoted
	})
	if !got.YearEnd.Equal(sept) || !got.Weeks {
		t.Fatalf("merged year end %s weeks %v, want 09-30 and weeks", got.YearEnd.Format(isoDate), got.Weeks)
	}
	want := map[int]string{1993: "1993-09-24", 1995: "1995-09-29"} // 1994 dated two ways: dropped
	if len(got.Ends) != len(want) {
		t.Errorf("ends %v, want %v", got.Ends, want)
	}
	for fy, w := range want {
		if !got.Ends[fy].Equal(d(w)) {
			t.Errorf("end of %d = %s, want %s", fy, got.Ends[fy].Format(isoDate), w)
		}
	}
	if m := MergeCalendars(nil); m.Known() {
		t.Errorf("no documents gave a known calendar %v", m)
	}
}

// Documents of a 52/53-week company state its year end on different days
// (September 27, 25, October 1), and of a February year on the 28th or
// 29th: each is one year end, and every document's exact ends count.
func TestMergeCalendarsNearYearEnds(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse("2006-01-02", s); return x }
	got := MergeCalendars([]Calendar{
		{YearEnd: d("2000-09-27"), Weeks: true, Ends: map[int]time.Time{2002: d("2002-09-28"), 2003: d("2003-09-27")}},
		{YearEnd: d("2000-09-25"), Weeks: true, Ends: map[int]time.Time{2004: d("2004-09-25")}},
		{YearEnd: d("2000-10-01"), Ends: map[int]time.Time{2005: d("2005-10-01")}},
		{YearEnd: d("2000-06-30")},
		{YearEnd: d("2000-06-30")},
	})
	if !got.Weeks || got.YearEnd.Month() != time.September && got.YearEnd.Month() != time.October {
		t.Fatalf("merged %s weeks %v, want the late-September 52/53-week year end", got.YearEnd.Format(isoDate), got.Weeks)
	}
	for _, fy := range []int{2002, 2003, 2004, 2005} {
		if _, ok := got.Ends[fy]; !ok {
			t.Errorf("end of %d lost in the merge: %v", fy, got.Ends)
		}
	}
	feb := MergeCalendars([]Calendar{
		{YearEnd: d("2000-02-29"), Ends: map[int]time.Time{2004: d("2004-02-29")}},
		{YearEnd: d("2000-02-28")},
	})
	if end, ok := feb.End(2004); !ok || !end.Equal(d("2004-02-29")) {
		t.Errorf("February year: End(2004) = %s %v, want 2004-02-29", end.Format(isoDate), ok)
	}
	if !SameYearEnd(d("2000-12-31"), d("2000-01-02")) || SameYearEnd(d("2000-12-31"), d("2000-06-30")) {
		t.Error("SameYearEnd: December 31 and January 2 are one year end, June 30 another")
	}
}

// Two periods never share a name: every span of 3, 6, 9 or 12 months
// ending on a month end, under calendars that end in June, December or a
// 52/53-week September, is named apart from every other one.
func TestCalendarNamesAreUnique(t *testing.T) {
	cals := map[string]Calendar{
		"june":  {YearEnd: time.Date(2000, 6, 30, 0, 0, 0, 0, time.UTC)},
		"dec31": {YearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)},
		"sept":  {YearEnd: time.Date(2000, 9, 27, 0, 0, 0, 0, time.UTC), Weeks: true},
	}
	for cn, cal := range cals {
		seen := map[string]Period{}
		for end := time.Date(2001, 1, 31, 0, 0, 0, 0, time.UTC); end.Year() < 2005; end = end.AddDate(0, 0, 1).AddDate(0, 1, -1) {
			for _, months := range []int{0, 3, 6, 9, 12} {
				p := Period{End: end}
				if months > 0 {
					p = Period{Start: end.AddDate(0, 0, 1).AddDate(0, -months, 0), End: end, Months: months}
				}
				name := cal.Name(p).Name
				if prev, ok := seen[name]; ok && (prev.Months != p.Months || !Near(prev.End, p.End)) {
					t.Errorf("%s: %s and %s are both %s", cn, prev, p, name)
				}
				seen[name] = p
			}
		}
	}
}

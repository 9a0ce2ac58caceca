package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var countWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "twenty-six": 26, "twenty six": 26,
	"twenty-seven": 27, "thirty-nine": 39, "thirty nine": 39, "forty": 40,
	"fifty-two": 52, "fifty two": 52, "fifty-three": 53, "fifty three": 53,
}

const countPattern = `(\d{1,2}|one|two|three|four|six|nine|twelve|thirteen|fourteen|twenty[- ]six|twenty-seven|thirty[- ]nine|forty|fifty[- ]two|fifty[- ]three)`

var (
	reMonthDay = gate(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,?\s+(\d{1,2})\b`, `\bjan`, `\bfeb`, `\bmar`, `\bapr`, `\bmay`, `\bjun`, `\bjul`, `\baug`, `\bsep`, `\boct`, `\bnov`, `\bdec`)
	reMonths   = gate(`(?i)\b`+countPattern+`[- ](months?|mos?)\b`, "-mo", " mo")
	reWeeks    = gate(`(?i)\b`+countPattern+`[- ]weeks?\b`, "-week", " week")
	reYearDur  = gate(`(?i)\b(fiscal\s+)?years?\s+ended\b|\bfor\s+the\s+years?\s+(19|20)\d\d\b|\btwelve\s+months\b|\bfull\s+year\b|\bfiscal\s+(year\s+)?(19|20)\d\d\b|\bFY\s?'?\d{2,4}\b`, "year", "twelve", "fiscal", "fy")
	reQuarter  = gate(`(?i)\bquarters?\s+ended\b`, "quarter")
	reChange   = gate(`(?i)%|\bchange\b|\bincrease\b|\bdecrease\b|\bvariance\b|\bpercent\b`, "%", `\bchange\b`, `\bincrease\b`, `\bdecrease\b`, `\bvariance\b`, `\bpercent\b`)
	reFYShort  = regexp.MustCompile(`(?i)\bFY\s?'?(\d{2})\b`)
	rePeriodWd = gate(`(?i)\b(ended|ending|quarter|fiscal|months|weeks|year|period)\b`, `\bended\b`, `\bending\b`, `\bquarter\b`, `\bfiscal\b`, `\bmonths\b`, `\bweeks\b`, `\byear\b`, `\bperiod\b`)
	reLoneDay  = regexp.MustCompile(`(?:^|\s)\d{1,2},\s*(?:19|20)\d\d\b`)
	reQNamed   = regexp.MustCompile(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s*(quarter|qtr)?\b`)
)

var quarterNumbers = map[string]int{"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4}

func countOf(s string) int {
	s = strings.ToLower(strings.ReplaceAll(s, "-", " "))
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	for w, n := range countWords {
		if strings.ReplaceAll(w, "-", " ") == s {
			return n
		}
	}
	return 0
}

// weeksToMonths gives the month count a 52/53-week calendar means.
func weeksToMonths(w int) int {
	switch {
	case w >= 12 && w <= 14:
		return 3
	case w >= 25 && w <= 27:
		return 6
	case w >= 38 && w <= 40:
		return 9
	case w >= 51 && w <= 53:
		return 12
	}
	return 0
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func isMonthEnd(t time.Time) bool { return t.AddDate(0, 0, 1).Day() == 1 }

// durationEnding returns the period of months ending on end. A period that
// ends on a month end starts on the first of a month; one that ends near a
// month end (52/53-week years) counts whole weeks back instead.
func durationEnding(end time.Time, months, weeks int) Period {
	p := Period{End: end, Months: months, Weeks: weeks}
	switch {
	case weeks > 0:
		p.Start = end.AddDate(0, 0, 1-7*weeks)
	case isMonthEnd(end):
		first := date(end.Year(), end.Month(), 1)
		p.Start = first.AddDate(0, 1-months, 0)
	case months%3 == 0:
		p.Start = end.AddDate(0, 0, 1-7*13*months/3)
	default:
		p.Start = end.AddDate(0, -months, 1)
	}
	return p
}

// headerFacts is what a column header says.
type headerFacts struct {
	months, weeks int
	month         time.Month
	day           int
	year          int
	change        bool
	quarter       int         // a named quarter ("Fourth Quarter")
	dates         []time.Time // a header naming two dates or more: all of them
	// dateYear is the year of the written-out date the month and day come
	// from when the column's own year differs: "Fiscal years ended
	// September 30, 1994" over "1993".
	dateYear int
	// yearDate: the date is a year's end ("Year Ended September 25, 1998
	// / Third Quarter"), not the named quarter's.
	yearDate bool
}

// Words the header expressions cannot match without.
var (
	yearDurStems = []string{"year", "twelve", "fy", "fiscal"}
	quarterStems = []string{"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "q"}
	changeStems  = []string{"%", "change", "increase", "decrease", "variance", "percent"}
)

// matchIf runs re on s only when a cheap test says it may match.
func matchIf(may bool, re *regexp.Regexp, s string) []string {
	if !may {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// headerCache remembers what headers say: a document asks about each
// column header several times (year-end inference, resolution).
type headerCache map[string]headerFacts

func (c headerCache) read(h string) headerFacts {
	if f, ok := c[h]; ok {
		return f
	}
	f := readHeader(h)
	c[h] = f
	return f
}

func readHeader(h string) headerFacts {
	var f headerFacts
	// Cheap word tests spare the expressions that cannot match.
	low := asciiLower(h)
	yearDur := containsAny(low, yearDurStems) && reYearDur.MatchString(h)
	if m := matchIf(strings.Contains(low, "week"), reWeeks.Regexp, h); m != nil {
		f.weeks = countOf(m[1])
		f.months = weeksToMonths(f.weeks)
	} else if m := matchIf(strings.Contains(low, "mo"), reMonths.Regexp, h); m != nil {
		f.months = countOf(m[1])
	} else if strings.Contains(low, "quarter") && reQuarter.MatchString(h) {
		f.months = 3
	} else if m := matchIf(containsAny(low, quarterStems), reQNamed, h); m != nil && (m[2] != "" || strings.HasPrefix(strings.ToLower(m[1]), "q")) {
		f.months, f.quarter = 3, quarterNumbers[strings.ToLower(m[1])]
		f.yearDate = yearDur
	} else if yearDur {
		f.months = 12
	} else if strings.Contains(low, "quarter") || strings.Contains(low, "qtr") {
		f.months = 3 // "Quarter 1999": a quarter, though not which one
	}
	if containsAny(low, monthStems) {
		if name, day, ok := lastMonthDay(h); ok {
			f.month = monthNames[strings.ToLower(name)]
			f.day, _ = strconv.Atoi(day)
		}
	}
	years, lastYear := yearsIn(h)
	if years > 0 {
		f.year = lastYear
	} else if m := matchIf(strings.Contains(low, "fy"), reFYShort, h); m != nil {
		y, _ := strconv.Atoi(m[1])
		f.year = 2000 + y
		if y >= 50 {
			f.year = 1900 + y
		}
	}
	if f.month != 0 && years >= 2 && strings.Contains(h, ",") {
		// Two years or more: which is the month and day's?
		f.pickDate(h)
		if f.month != 0 && f.year != 0 {
			f.dateYear = otherYear(h, &f)
		}
	}
	if f.months == 0 && f.weeks == 0 && (strings.Contains(h, " to ") || strings.Contains(h, " through ")) {
		f.months = monthsFromTo(h)
	}
	f.change = containsAny(low, changeStems) && reChange.MatchString(h)
	if f.month == 0 && f.year != 0 && strings.Contains(h, ",") && reLoneDay.MatchString(h) {
		f.year = 0 // "30, 1998" whose month stood in a row not read: no period
	}
	return f
}

// pickDate settles a header that writes out two dates or more ("September
// 27, 1996, and September 29, 1995" over a column of "1996"): the column's
// date is the one of the year it stands under. A list of dates with no
// year under it, over several columns, pairs with them by place (see
// datesByPlace). Otherwise the last date is the column's own: "for the
// three months ending March 31, 1998" over "March 31, 1997".
func (f *headerFacts) pickDate(h string) {
	var buf [4]fullDate
	locs := fullDatesIn(h, buf[:0])
	if len(locs) < 2 {
		return
	}
	f.dates = nil
	for _, l := range locs {
		if d, ok := l.date(); ok {
			f.dates = append(f.dates, d)
		}
	}
	year := firstYear(h[locs[len(locs)-1].end:]) // the year row's, under all the dates
	if year == 0 {
		if !listed(h, locs) {
			f.dates = nil // "... ending March 31, 1998 March 31, 1997": the column's own date ends it
		}
		return
	}
	f.month, f.day, f.year = 0, 0, 0
	for _, d := range f.dates {
		if d.Year() == year {
			if f.month != 0 {
				f.month, f.day, f.year = 0, 0, 0 // two dates of that year
				return
			}
			f.month, f.day, f.year = d.Month(), d.Day(), d.Year()
		}
	}
}

// otherYear returns the year of the written-out date that gives f its
// month and day, when that is not f's year; else 0.
func otherYear(h string, f *headerFacts) int {
	ds := fullDates(h)
	for _, d := range ds {
		if d.Year() == f.year {
			return 0
		}
	}
	if len(ds) > 0 && ds[len(ds)-1].Month() == f.month && ds[len(ds)-1].Day() == f.day {
		return ds[len(ds)-1].Year()
	}
	return 0
}

// listed reports dates written as one list ("May 4, 2002 and May 5,
// 2001"): "and" or a comma stands between the last two, and nothing else.
// Dates only spaces apart come from different header lines.
func listed(h string, locs []fullDate) bool {
	n := len(locs)
	between := strings.TrimSpace(h[locs[n-2].end:locs[n-1].start])
	return between == "," || strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(between, ",")), "and")
}

// resolvePeriod turns a column header into a period. kind is the table's
// statement; fye is the fiscal year end (zero when unknown). ok is false
// when the header names no period; change is true for change columns.
func resolvePeriod(header string, kind Statement, fye time.Time) (p Period, change bool, ok bool) {
	return resolveFacts(readHeader(header), kind, fye)
}

// resolveFacts is resolvePeriod on a header already read.
func resolveFacts(f headerFacts, kind Statement, fye time.Time) (p Period, change bool, ok bool) {
	if f.year == 0 {
		return Period{}, f.change, false
	}
	if f.yearDate && f.month != 0 && f.quarter != 4 {
		return Period{}, f.change, false // a quarter within a year the date ends: its own end is not printed
	}
	if f.month == 0 {
		if fye.IsZero() || f.months == 3 && f.quarter == 0 {
			return Period{}, f.change, false // which quarter of the year is not said
		}
		f.month, f.day = fye.Month(), fye.Day()
		if f.quarter > 0 {
			end, _ := Calendar{YearEnd: fye}.MonthEnd(f.year, 3*f.quarter)
			f.month, f.day, f.year = end.Month(), end.Day(), end.Year()
		} else if f.months == 0 && kind != Balance {
			f.months = 12
		}
	}
	if f.day < 1 || f.day > 31 {
		return Period{}, f.change, false
	}
	end := date(f.year, f.month, f.day)
	if end.Month() != f.month {
		return Period{}, f.change, false // February 30
	}
	if f.months == 0 {
		if kind == Income || kind == CashFlow {
			return Period{}, f.change, false
		}
		return Period{End: end}, f.change, true
	}
	return durationEnding(end, f.months, f.weeks), f.change, true
}

func lastDay(t time.Time) int {
	return date(t.Year(), t.Month(), 1).AddDate(0, 1, -1).Day()
}

// monthDayNames are reMonthDay's month names.
var monthDayNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}

// lastMonthDay finds the last match of reMonthDay in h ("Sept. 30",
// "June 30"), by a scan: a month's name at the start of a word, a point
// and a comma if any, white space, then one or two digits ending a word.
// It returns the name as written and the day's digits.
func lastMonthDay(h string) (name, day string, ok bool) {
	if foldsToASCII(h) {
		if all := reMonthDay.FindAllStringSubmatch(h, -1); all != nil {
			return all[len(all)-1][1], all[len(all)-1][2], true
		}
		return "", "", false // the long s of "Auguſt" folds to s: let the expression answer
	}
	for i := len(h) - 1; i >= 0; i-- {
		if i > 0 && reWordByte(h[i-1]) || !reWordByte(h[i]) {
			continue
		}
		for _, m := range monthDayNames {
			if len(h)-i >= len(m) && lowerASCII[h[i]] == m[0] && foldedAt(h, i, m) {
				if d, found := dayAfter(h, i+len(m)); found {
					return h[i : i+len(m)], d, true
				}
			}
		}
	}
	return "", "", false
}

// dayAfter reads `\.?,?\s+(\d{1,2})\b` at h[j:].
func dayAfter(h string, j int) (string, bool) {
	if j < len(h) && h[j] == '.' {
		j++
	}
	if j < len(h) && h[j] == ',' {
		j++
	}
	k := j
	for k < len(h) && (h[k] == ' ' || h[k] == '\t' || h[k] == '\n' || h[k] == '\f' || h[k] == '\r') {
		k++
	}
	d := k
	for d < len(h) && h[d] >= '0' && h[d] <= '9' {
		d++
	}
	if k == j || d == k || d-k > 2 || d < len(h) && reWordByte(h[d]) {
		return "", false
	}
	return h[k:d], true
}

// isPeriodWords reports whether text names a period or a period column:
// a row of month names ("September   December") heads columns too.
func isPeriodWords(s string) bool {
	if !mayNamePeriod(s) {
		return false
	}
	// The tests by scanners first; the expressions only when they fail.
	_, _, monthDay := lastMonthDay(s)
	if n, _ := yearsIn(s); n > 0 || hasPeriodWord(s) || monthDay {
		return true
	}
	return reMonths.MatchString(s) || reWeeks.MatchString(s) || reYearDur.MatchString(s) || reQuarter.MatchString(s) ||
		onlyMonthNames(s) || onlyOrdinals(s) // mayNamePeriod passes these alone
}

// onlyOrdinals: text whose words are all quarters' ordinals, a header row
// over "Quarter" ("First   First   Fourth").
func onlyOrdinals(s string) bool {
	var buf [16]byte
	words := 0
	for w := range strings.FieldsSeq(s) { // lower case changes no space
		low := lowerInto(buf[:0], w)
		if quarterNumbers[string(low)] == 0 || low[0] == 'q' {
			return false
		}
		words++
	}
	return words > 0
}

// mayNamePeriod is a quick test that spares the expressions: a period
// needs a digit, a period word or a month's name.
func mayNamePeriod(s string) bool {
	return digitOrPeriodStem(s) || onlyMonthNames(s) || onlyOrdinals(s)
}

// digitOrPeriodStem finds, in one pass, a digit or a word a period named
// in words holds (periodStems, ASCII case folded).
func digitOrPeriodStem(s string) bool {
	for i := 0; i < len(s); i++ {
		var stem string
		switch lowerASCII[s[i]] {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return true
		case 'e':
			stem = "end"
		case 'q':
			stem = "quarter"
		case 'f':
			stem = "fiscal"
		case 'm':
			stem = "month"
		case 'w':
			stem = "week"
		case 'y':
			stem = "year"
		case 'p':
			stem = "period"
		default:
			continue
		}
		if litAt(s, i, stem) {
			return true
		}
	}
	return false
}

// onlyMonthNames: text whose words are all month names ("Sept.", "June").
func onlyMonthNames(s string) bool {
	var buf [16]byte
	words := 0
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == '.' || r == ',' }) { // lower case makes and takes none of them
		if _, ok := monthNames[string(lowerInto(buf[:0], w))]; !ok {
			return false
		}
		words++
	}
	return words > 0
}

// monthsFromTo counts the months of "(Period from) September 1, 1998
// (inception) to December 31, 1998": whole months from a month's first
// day to a month's end, else none.
func monthsFromTo(h string) int {
	ds := fullDates(h)
	if len(ds) != 2 || ds[0].Day() != 1 || !isMonthEnd(ds[1]) || !ds[1].After(ds[0]) {
		return 0
	}
	return (ds[1].Year()-ds[0].Year())*12 + int(ds[1].Month()-ds[0].Month()) + 1
}

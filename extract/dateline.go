package extract

import (
	"finexport/extract/grid"
	"strconv"
	"strings"
	"time"
)

// dateMention is a date written in a line: "March 5, 2002", "Sept. 28,
// 1998", "Jan.13, 2000", or "March 5" with no year (year 0).
type dateMention struct {
	start, end int // byte offsets in the line
	month      time.Month
	day, year  int
}

// findDates reads the dates of a line word by word: the dateline is
// sought over many lines, where an expression per line would be slow.
func findDates(s string) []dateMention {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil
	}
	var out []dateMention
	for i := 0; i < len(s); {
		if !isLetter(s[i]) || i > 0 && isLetter(s[i-1]) || s[i] < 'A' || s[i] > 'Z' {
			i++ // a month is a capitalised word: "may" is a verb
			continue
		}
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		if mon, ok := monthNames[asciiLower(s[i:j])]; ok {
			if m, ok := dateAfterMonth(s, i, j, mon); ok {
				out = append(out, m)
				i = m.end
				continue
			}
		}
		i = j
	}
	return out
}

// dateAfterMonth reads the day and the year, if any, after a month word
// that spans s[start:k].
func dateAfterMonth(s string, start, k int, mon time.Month) (dateMention, bool) {
	dot := k < len(s) && s[k] == '.'
	if dot {
		k++
	}
	spaces := k
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k == spaces && !dot {
		return dateMention{}, false // "March5"
	}
	digits := k
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if n := k - digits; n == 0 || n > 2 || k < len(s) && isLetter(s[k]) {
		return dateMention{}, false // "May 2002", "March 31st"
	}
	day, _ := strconv.Atoi(s[digits:k])
	if date(2000, mon, day).Month() != mon || day == 0 {
		return dateMention{}, false
	}
	m := dateMention{start: start, end: k, month: mon, day: day}
	y := k
	if y < len(s) && s[y] == ',' {
		y++
	}
	for y < len(s) && s[y] == ' ' {
		y++
	}
	if y+4 <= len(s) && (s[y:y+2] == "19" || s[y:y+2] == "20") && allDigits(s[y:y+4]) && (y+4 == len(s) || !isDigit(s[y+4])) {
		m.year, _ = strconv.Atoi(s[y : y+4])
		m.end = y + 4
		if date(m.year, mon, day).Month() != mon {
			return dateMention{}, false // February 29 of a common year
		}
	}
	return m, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// yearless is a dateline read without its year: "DALLAS, March 5
// /PRNewswire/ --". The year comes from the document, never by guess.
type yearless struct {
	month    time.Month
	day      int
	line     int
	dateline string
}

// dateline finds the release date: a wire dateline "City, State (Month D,
// YYYY) -", "CITY, Month D /PRNewswire/ --" (no year: returned as
// yearless), a date standing alone under "FOR IMMEDIATE RELEASE", or, in
// a release, a date alone atop its page with the headline under it
// ("April 18, 2000" then "Acme Announces First-Quarter Results"). Tables
// are passed over: a contact block can stand in one. at is the index of
// the dateline's line, -1 when none was found.
func dateline(lines []line, release bool) (text string, d time.Time, y *yearless, at int) {
	inTable := false
	sinceMasthead := -1 // non-blank lines since a release masthead
	opening := release  // the first line of a release's page
	for i, l := range lines {
		s := strings.TrimSpace(l.Text)
		switch {
		case s == "":
			continue
		case tableTag(s, "TABLE"):
			inTable = true
			continue
		case tableTag(s, "/TABLE"):
			inTable = false
			continue
		case inTable:
			continue
		case isPageBreak(s) || exhibitMarker(s):
			opening = release
			continue
		}
		if sinceMasthead >= 0 {
			sinceMasthead++
		}
		masthead := mastheadLine(s)
		atop := opening && headlineFollows(lines[i+1:])
		opening = false
		for _, m := range findDates(l.Text) {
			prefix, rest := l.Text[:m.start], l.Text[m.end:]
			underMasthead := (sinceMasthead >= 0 && sinceMasthead <= 3 || masthead || atop) && dateOnly(prefix, rest, masthead)
			if !underMasthead && !(placePrefix(prefix, m.year == 0) && afterDateline(rest, prefix)) {
				continue
			}
			text := grid.FoldSpaces(l.Text[:m.end])
			if underMasthead {
				text = grid.FoldSpaces(l.Text[m.start:m.end])
			} else if r := strings.TrimSpace(rest); strings.HasPrefix(r, ")") {
				text += ")"
			}
			if m.year == 0 {
				return "", time.Time{}, &yearless{month: m.month, day: m.day, line: l.N, dateline: text}, i
			}
			return text, date(m.year, m.month, m.day), nil, i
		}
		if masthead {
			sinceMasthead = 0
		}
	}
	return "", time.Time{}, nil, -1
}

// headlineFollows reports whether the next line with text after a date
// is words (a headline), not a table's row, a date or a tag.
func headlineFollows(lines []line) bool {
	for _, l := range lines[:min(len(lines), 6)] {
		s := strings.TrimSpace(l.Text)
		if s == "" {
			continue
		}
		// "Net sales     1,234" is a table's row
		return isLetter(s[0]) && !strings.Contains(s, "   ") && len(findDates(s)) == 0 && !isCoverLine(s)
	}
	return false
}

// dateOnly reports whether a date stands alone on its line, or after a
// weekday ("Tuesday, January 18, 1994") or the masthead itself ("FOR
// IMMEDIATE RELEASE: March 5, 2002").
func dateOnly(prefix, rest string, masthead bool) bool {
	if r := strings.TrimSpace(rest); r != "" && r != "." {
		return false
	}
	p := strings.TrimRight(strings.TrimSpace(prefix), ",:- ")
	_, weekday := weekdays[asciiLower(p)]
	return p == "" || weekday || masthead && mastheadLine(p)
}

// dateAlone reports whether a line is a date and nothing more.
func dateAlone(s string) bool {
	m := findDates(s)
	return len(m) == 1 && dateOnly(s[:m[0].start], s[m[0].end:], false)
}

// placePrefix reports whether the text before a date is a dateline's
// place: capitalised words ("SAN DIEGO -", "Rancho Cordova, California (",
// "SEATTLE--(BUSINESS WIRE)--") ending in punctuation or in upper case,
// not a sentence ("On March 5, 2002") nor a label ("Date of Report:"). A
// date with no year needs a place before it.
func placePrefix(prefix string, needPlace bool) bool {
	p := strings.TrimSpace(prefix)
	if p == "" {
		return !needPlace
	}
	if strings.ContainsAny(p, ":;\"0123456789") {
		return false
	}
	words := strings.Fields(p)
	if len(words) > 10 {
		return false
	}
	allUpper := true
	for i, w := range words {
		if notPlace[asciiLower(strings.Trim(w, ",.-—–()/"))] && !stateCode(words, i) {
			return false
		}
		t := strings.TrimLeft(w, "-—–(/")
		switch {
		case strings.Trim(t, ",.") == "": // "Silicon Valley , CA": a comma astray
		case t[0] >= 'A' && t[0] <= 'Z':
		case nameJoiners[t]:
		default:
			return false
		}
		if strings.ToUpper(w) != w {
			allUpper = false
		}
	}
	for _, end := range []string{",", ".", "(", "-", "—", "–", ")", "/"} {
		if strings.HasSuffix(p, end) {
			return true
		}
	}
	return allUpper // "RANCHO CORDOVA, CA SEPTEMBER 24, 2003"
}

// stateCode reports whether words[i] is a state's or province's code
// after its city: "INDIANAPOLIS, IN,", "TORONTO, ON -", not the
// preposition "on" or "in".
func stateCode(words []string, i int) bool {
	w := strings.TrimRight(words[i], ",.-—–(")
	return i > 0 && len(w) == 2 && w == asciiUpper(w) && strings.HasSuffix(words[i-1], ",")
}

// notPlace are the words of a sentence, a label or a period ("QUARTER
// ENDED MARCH 31, 2002 -") rather than of a dateline's place.
var notPlace = map[string]bool{"on": true, "in": true, "as": true, "at": true, "by": true, "for": true, "since": true,
	"until": true, "through": true, "dated": true, "date": true, "effective": true, "before": true, "after": true,
	"from": true, "ended": true, "ending": true, "during": true, "beginning": true, "between": true, "balance": true,
	"quarter": true, "year": true, "months": true, "weeks": true, "period": true, "results": true}

// afterDateline reports whether what follows a date closes a dateline: a
// dash, the bracket the date opened, a wire tag ("/PRNewswire/",
// "(BUSINESS WIRE)"), or,
// after a place, the story itself past a gap ("CUPERTINO, Calif. April
// 16, 1997  Apple Computer ..." where a dash was lost), or past a comma
// after a city and its state ("Salt Lake City, UT, March 5, 2002, Acme").
func afterDateline(rest, prefix string) bool {
	place := strings.TrimSpace(prefix)
	placed := place != ""
	t := strings.TrimLeft(rest, " ")
	for _, open := range []string{"-", "—", "–", ")", "/"} {
		if strings.HasPrefix(t, open) {
			return !dateRange(t)
		}
	}
	if placed && len(t) > 1 && t[0] == '(' && t[1] >= 'A' && t[1] <= 'Z' {
		return true // a wire tag, not "(unaudited)"
	}
	if c := strings.TrimLeft(strings.TrimPrefix(t, ","), " "); t != c && c != "" && c[0] >= 'A' && c[0] <= 'Z' {
		return strings.Contains(strings.TrimRight(place, ","), ",") // not "Total, March 31, 2002, As Restated"
	}
	return placed && len(rest)-len(t) >= 2 && t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// dateRange reports whether a dash after a date leads to another date or
// a number: "March 1, 2002 - March 31, 2002" is a period, not a dateline.
func dateRange(rest string) bool {
	r := strings.TrimLeft(rest, "-—– ")
	if r == "" {
		return false
	}
	if i := strings.IndexFunc(r, func(c rune) bool { return c < '0' || c > '9' }); i != 0 && (i < 0 || !isLetter(r[i])) {
		return true // "- 31", not the name "- 3M Company"
	}
	m := findDates(r)
	return len(m) > 0 && m[0].start == 0
}

// settleReleaseYear gives a dateline read without a year its year from
// the document, and says where it came from: the wire trailer's date
// ("-0- 03/05/2002"), the filing date (a release precedes its filing),
// the latest period end of the tables (a release follows it), or the date
// the text names most. With none of them the date is left open, with a
// warning.
func (ctx *docContext) settleReleaseYear(f *Filing, lines []line, tables []*Table) {
	y := ctx.yearless
	if y == nil || !f.ReleaseDate.IsZero() {
		return
	}
	ctx.yearless = nil
	var d time.Time
	var from string
	if t, ok := trailerDate(lines); ok {
		d, from = nearestYear(y, t), "the wire trailer's date "+t.Format(isoDate)
	} else if !ctx.filed.IsZero() {
		d, from = onOrBefore(y, ctx.filed), "the filing date "+ctx.filed.Format(isoDate)
	} else if e := latestPeriodEnd(tables); !e.IsZero() {
		d, from = after(y, e), "the latest period end in the tables, "+e.Format(isoDate)
	} else if c := commonDate(lines); !c.IsZero() {
		d, from = nearestYear(y, c), "the date the text names most, "+c.Format(isoDate)
	}
	what := y.month.String() + " " + strconv.Itoa(y.day)
	if d.IsZero() {
		ctx.warn(y.line, "release date "+what+" has no year and the document gives none: left open")
		return
	}
	f.ReleaseDate, f.Dateline = d, y.dateline
	ctx.note(y.line, "release date "+what+" has no year: "+strconv.Itoa(d.Year())+" from "+from)
}

// trailerDate reads PR Newswire's closing "-0- 03/05/2002" line.
func trailerDate(lines []line) (time.Time, bool) {
	seen := 0
	for i := len(lines) - 1; i >= 0 && seen < 60; i-- {
		s := strings.TrimSpace(lines[i].Text)
		if s == "" {
			continue
		}
		seen++
		if !strings.HasPrefix(s, "-0-") {
			continue
		}
		parts := strings.Split(firstField(s[3:]), "/")
		if len(parts) != 3 {
			continue
		}
		mon, _ := strconv.Atoi(parts[0])
		day, _ := strconv.Atoi(parts[1])
		year, err := strconv.Atoi(parts[2])
		switch {
		case err != nil || mon < 1 || mon > 12:
			continue
		case len(parts[2]) == 2:
			year += 1900
			if year < 1950 {
				year += 100
			}
		case len(parts[2]) != 4:
			continue
		}
		if d := date(year, time.Month(mon), day); d.Day() == day {
			return d, true
		}
	}
	return time.Time{}, false
}

// yearOf is the month and day of y in a year, zero when that year has no
// such day (February 29).
func yearOf(y *yearless, year int) time.Time {
	d := date(year, y.month, y.day)
	if d.Day() != y.day {
		return time.Time{}
	}
	return d
}

// nearestYear is the month and day of y nearest to t.
func nearestYear(y *yearless, t time.Time) time.Time {
	var best time.Time
	for year := t.Year() - 1; year <= t.Year()+1; year++ {
		d := yearOf(y, year)
		if !d.IsZero() && (best.IsZero() || d.Sub(t).Abs() < best.Sub(t).Abs()) {
			best = d
		}
	}
	return best
}

// onOrBefore is the last month and day of y on or before t.
func onOrBefore(y *yearless, t time.Time) time.Time {
	for year := t.Year(); year >= t.Year()-4; year-- {
		if d := yearOf(y, year); !d.IsZero() && !d.After(t) {
			return d
		}
	}
	return time.Time{}
}

// after is the first month and day of y after t.
func after(y *yearless, t time.Time) time.Time {
	for year := t.Year(); year <= t.Year()+4; year++ {
		if d := yearOf(y, year); d.After(t) {
			return d
		}
	}
	return time.Time{}
}

// latestPeriodEnd is the latest end of the resolved columns.
func latestPeriodEnd(tables []*Table) time.Time {
	var latest time.Time
	for _, t := range tables {
		for _, c := range t.Columns {
			if c.Period.End.After(latest) {
				latest = c.Period.End
			}
		}
	}
	return latest
}

// commonDate is the full date the opening text names most often, the
// later one on a tie.
func commonDate(lines []line) time.Time {
	counts := map[time.Time]int{}
	var best time.Time
	for _, d := range fullDates(joinProse(lines[:min(len(lines), metaLines)])) {
		counts[d]++
		if n := counts[d]; n > counts[best] || n == counts[best] && d.After(best) {
			best = d
		}
	}
	return best
}

package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	reTicker   = regexp.MustCompile(`\(\s*(Nasdaq(?: National Market| SmallCap Market)?|NASDAQ|NYSE(?: American| Amex)?|AMEX|American Stock Exchange|New York Stock Exchange|OTC ?BB|OTC Bulletin Board|OTC|TSX)\s*:\s*([A-Z][A-Z.\-]{0,6})\s*\)`)
	reCompany  = regexp.MustCompile(`((?:[A-Z][A-Za-z0-9&'\-]*\.?,?\s+){1,4}(?i:corp(?:oration)?\.?|inc(?:orporated)?\.?|ltd\.?|limited|co\.|plc|l\.p\.|llc|holdings)(?:,?\s+Inc\.)?)(?:\s|$|[,;:'’)])`)
	reFullDate = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b`)
	reExhibit  = regexp.MustCompile(`(?i)^\s*(exhibit\s+99|ex-99|for immediate release|news release|press release|contact)`)
	reFYEProse = regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+end(?:ed|ing|s)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})\b`)
	leadWords  = map[string]bool{"About": true, "ABOUT": true, "Contact:": true, "CONTACT:": true, "The": true, "For": true, "FOR": true}
)

// joinProse folds lines into one string with single spaces.
func joinProse(lines []line) string {
	parts := make([]string, 0, len(lines))
	for _, l := range lines {
		if s := strings.TrimSpace(l.Text); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// metaLines is how much of a document's opening holds its headline,
// dateline, company and ticker.
const metaLines = 80

// readMeta finds the company, ticker, dateline, release date and headline
// in the opening of the document.
func (ctx *docContext) readMeta(f *Filing, lines []line) {
	text := joinProse(lines[:min(len(lines), metaLines)])
	if m := reTicker.FindStringSubmatchIndex(text); m != nil && f.Ticker == "" {
		f.Exchange = text[m[2]:m[3]]
		f.Ticker = text[m[4]:m[5]]
		if strings.EqualFold(f.Exchange, "nasdaq") {
			f.Exchange = "Nasdaq"
		}
	}
	if f.Company == "" {
		f.Company = companyName(text)
	}
	if title := headline(lines); title != "" {
		f.Titles = append(f.Titles, title)
	}
	if f.ReleaseDate.IsZero() {
		f.Dateline, f.ReleaseDate = dateline(lines)
	}
}

// companyName takes the first name with a corporate suffix and prefers a
// mixed-case spelling of it when the document has one.
func companyName(text string) string {
	name := ""
	for from, tries := 0, 0; tries < 8 && from < len(text); tries++ {
		m := reCompany.FindStringSubmatchIndex(text[from:])
		if m == nil {
			break
		}
		if candidate := companyCandidate(text, from+m[2], from+m[3]); candidate != "" {
			name = candidate
			break
		}
		from += m[1]
	}
	if name == "" {
		return ""
	}
	if name == strings.ToUpper(name) {
		// Prefer a mixed-case spelling of the same name elsewhere in the text.
		upper := asciiUpper(text) // same byte offsets as text
		for from := 0; ; {
			i := strings.Index(upper[from:], name)
			if i < 0 {
				break
			}
			at := from + i
			if alt := text[at : at+len(name)]; alt != name && (at == 0 || !isLetter(text[at-1])) {
				return alt
			}
			from = at + len(name)
		}
	}
	return name
}

// headline is the first paragraph of the release, past exhibit markers.
func headline(lines []line) string {
	var parts []string
	for _, l := range lines {
		s := strings.TrimSpace(l.Text)
		switch {
		case s == "" || isPageBreak(s):
			if len(parts) > 0 {
				return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
			}
		case len(parts) == 0 && reExhibit.MatchString(s):
		default:
			parts = append(parts, s)
			if len(parts) > 4 {
				return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
			}
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// dateline finds "City, State (Month D, YYYY) -": the first full date in
// the opening lines followed by a dash or a closing bracket.
func dateline(lines []line) (string, time.Time) {
	for i, l := range lines {
		if i > 40 {
			break
		}
		if !strings.Contains(l.Text, "19") && !strings.Contains(l.Text, "20") {
			continue // no year, no date
		}
		for _, m := range reFullDate.FindAllStringSubmatchIndex(l.Text, -1) {
			after := strings.TrimSpace(l.Text[m[1]:])
			if !strings.HasPrefix(after, "-") && !strings.HasPrefix(after, ")") && !strings.HasPrefix(after, "—") && !strings.HasPrefix(after, "/") {
				continue
			}
			d, ok := parseFullDate(l.Text[m[0]:m[1]])
			if !ok {
				continue
			}
			end := m[1]
			if strings.HasPrefix(after, ")") {
				end = strings.Index(l.Text[m[1]:], ")") + m[1] + 1
			}
			return strings.Join(strings.Fields(l.Text[:end]), " "), d
		}
	}
	return "", time.Time{}
}

func parseFullDate(s string) (time.Time, bool) {
	m := reFullDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	mon := monthNames[strings.TrimSuffix(strings.ToLower(m[1]), ".")]
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	d := date(year, mon, day)
	if mon == 0 || d.Month() != mon {
		return time.Time{}, false
	}
	return d, true
}

// inferFiscalYearEnd reads the fiscal year end from the prose ("year ended
// June 30") or from the tables: a 12-month column ends on it, and a six-
// or nine-month year-to-date column starts the day after it.
func inferFiscalYearEnd(tables []*Table, text string, headers headerCache) time.Time {
	// The expression runs only where "year" stands, not over all the prose.
	low := asciiLower(text)
	for from := 0; ; {
		i := strings.Index(low[from:], "year")
		if i < 0 {
			break
		}
		at := from + i
		if m := reFYEProse.FindStringSubmatch(text[max(0, at-8):min(len(text), at+48)]); m != nil {
			day, _ := strconv.Atoi(m[2])
			if d := date(2000, monthNames[strings.ToLower(m[1])], day); d.Day() == day {
				return d
			}
		}
		from = at + 4
	}
	for _, t := range tables {
		for _, c := range t.Columns {
			p, _, ok := resolveFacts(headers.read(c.Header), t.Kind, time.Time{})
			switch {
			case !ok || p.IsInstant():
			case p.Months == 12:
				return date(2000, p.End.Month(), p.End.Day())
			case p.Months == 6 || p.Months == 9:
				before := p.Start.AddDate(0, 0, -1)
				return date(2000, before.Month(), before.Day())
			}
		}
	}
	return time.Time{}
}

// learnFiscalYearEnds records the year ends that full-year columns show, so
// that a column headed "2002" alone gets the exact date of a 52/53-week
// year rather than the nominal month end.
func (ctx *docContext) learnFiscalYearEnds(tables []*Table) {
	if ctx.fye.IsZero() {
		return
	}
	for _, t := range tables {
		for _, d := range t.hintDates {
			ctx.learnYearEnd(d, 3)
		}
		for _, c := range t.Columns {
			p, _, ok := ctx.resolve(c.Header, t.Kind)
			if !ok || p.Months != 12 && !p.IsInstant() {
				continue
			}
			if statesDate(c.Header, p.End) {
				ctx.learnYearEnd(p.End, 10) // a date the header states, not one the year end lent it
			}
		}
	}
}

// statesDate reports a header that writes out date d in full. A
// spanning "Five fiscal years ended September 30, 1994" over a column of
// "1992" states no date for 1992.
func statesDate(header string, d time.Time) bool {
	if !mayNamePeriod(header) {
		return false
	}
	for _, x := range fullDates(header) {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// asciiUpper and asciiLower change the case of ASCII letters only: every
// byte keeps its offset, so positions found in the result index the
// original (strings.ToUpper can change a text's length).
func asciiUpper(s string) string { return asciiCase(s, 'a', 'z', 'A'-'a') }

func asciiLower(s string) string { return asciiCase(s, 'A', 'Z', 'a'-'A') }

func asciiCase(s string, from, to byte, shift int) string {
	b := []byte(s)
	for i, c := range b {
		if c >= from && c <= to {
			b[i] = byte(int(c) + shift)
		}
	}
	return string(b)
}

// companyCandidate trims a matched name's lead words and refuses one that
// a deal names as a party: a name within five words after "between",
// "with", "to", "from" or "acquire" ("CISCO SYSTEMS TO ACQUIRE COMBINET
// INC.").
func companyCandidate(text string, start, end int) string {
	words := strings.Fields(text[start:end])
	for len(words) > 1 && leadWords[words[0]] {
		words = words[1:]
	}
	for _, w := range words {
		if dealWords[strings.ToLower(w)] {
			return ""
		}
	}
	before := strings.Fields(text[max(0, start-40):start])
	for _, w := range before[max(0, len(before)-5):] {
		if dealWords[strings.ToLower(strings.Trim(w, ",;:"))] {
			return "" // "between Alpha Holdings and Beta Widgets Inc."
		}
	}
	return strings.Join(words, " ")
}

var dealWords = map[string]bool{"between": true, "with": true, "to": true, "from": true, "acquire": true, "acquires": true,
	"acquired": true, "by": true, "merge": true, "merger": true}

// sameCompany reports whether two spellings name one company: "INTEL
// CORP" and "Intel Corporation", "APPLE COMPUTER INC" and "Apple
// Computer, Inc." Case, punctuation and the corporate suffix do not count.
func sameCompany(a, b string) bool {
	fa, fb := foldCompany(a), foldCompany(b)
	return fa != "" && fa == fb
}

var corporateSuffixes = map[string]bool{"INC": true, "CORP": true, "CORPORATION": true, "CO": true, "COMPANY": true,
	"LTD": true, "LIMITED": true, "PLC": true, "LLC": true, "INCORPORATED": true, "THE": true, "LP": true}

func foldCompany(s string) string {
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&')
	})
	var kept []string
	for _, w := range words {
		if !corporateSuffixes[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

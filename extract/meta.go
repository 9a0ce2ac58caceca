package extract

import (
	"finexport/extract/grid"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	reTicker   = regexp.MustCompile(`\(\s*((?i:nasdaq)(?:/NMS|/NM| National Market| SmallCap Market| NM)?|NYSE(?: American| Amex)?|AMEX|American Stock Exchange|New York Stock Exchange|OTC ?BB|OTC Bulletin Board|OTC|TSX)\s*:\s*([A-Z][A-Z.\-]{0,6})\s*[),]`)
	reCompany  = regexp.MustCompile(`((?:(?:[A-Z]|[a-z]+[A-Z]|[a-z]{1,3}-?[0-9])[A-Za-z0-9&'\-]*\.?,?\s+)(?:(?:[A-Z][A-Za-z0-9&'\-]*\.?,?|and|of|&)\s+){0,4}(?i:corp(?:oration)?\.?|inc(?:orporated)?\.?|ltd\.?|limited|co\.|company|plc|l\.p\.|llc|holdings)(?:,?\s+Inc\.)?)(?:\s|$|[,;:'’)])`)
	reFullDate = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b`)
	reFYEProse = regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+end(?:ed|ing|s)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})\b`)
	leadWords  = map[string]bool{"About": true, "ABOUT": true, "Contact:": true, "CONTACT:": true, "The": true, "For": true, "FOR": true}
)

// joinProse folds lines into one string with single spaces: each line's
// words folded into a scratch buffer and written into one builder sized
// once, as folding the lines joined would give (a line's end parts words
// as a space does).
func joinProse(lines []line) string {
	size, longest := 0, 0
	for _, l := range lines {
		size += len(l.Text) + 1
		longest = max(longest, len(l.Text))
	}
	var b strings.Builder
	b.Grow(size)
	scratch := make([]byte, 0, longest)
	for _, l := range lines {
		if scratch = appendFolded(scratch[:0], l.Text); len(scratch) == 0 {
			continue // a blank line
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(scratch)
	}
	return b.String()
}

// joinParagraphs folds lines into one string with single spaces, and
// paragraphs (lines set apart by a blank line) into lines of it: a name
// read before a ticker stops where its paragraph begins ("About Acme
// Corp." over "Acme Corp. (NYSE: ACM) is ...").
func joinParagraphs(lines []line) string {
	var b strings.Builder
	gap := false
	for _, l := range lines {
		words := strings.Fields(l.Text)
		if len(words) == 0 {
			gap = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if gap {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		gap = false
		b.WriteString(strings.Join(words, " "))
	}
	return b.String()
}

// lastParagraph is the part of s after its last paragraph break.
func lastParagraph(s string) string {
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// metaLines is how much of a document's opening holds its headline,
// dateline, company and ticker.
const metaLines = 80

// Where a company name was read, most trusted first. The SEC header
// outranks them all (see Parse).
const (
	fromRegistrant = iota + 1 // the cover page's "(Exact name of registrant ...)"
	fromTicker                // the name just before "(NYSE: XX)"
	fromDefined               // the name defined as "the Company"
	fromTrailer               // a wire trailer's "SOURCE" or "CO:" line
	fromHeadline              // the headline's subject
	fromProse                 // the first name with a corporate suffix
)

// readMeta finds the company, ticker, dateline, release date and headline
// of one document.
func (ctx *docContext) readMeta(f *Filing, d document) {
	lines := d.Lines
	text := joinParagraphs(lines[:min(len(lines), metaLines)])
	name, rank := "", 0
	if n := registrantName(lines); n != "" {
		name, rank = n, fromRegistrant
	}
	if t, ok := firstTicker(text); ok {
		if f.Ticker == "" {
			f.Exchange, f.Ticker = t.exchange, t.ticker
		}
		if rank == 0 && t.name != "" {
			name, rank = t.name, fromTicker
		}
	}
	if rank == 0 {
		if n := definedCompany(text); n != "" {
			name, rank = n, fromDefined
		}
	}
	if n := trailerCompany(lines); rank == 0 && n != "" {
		name, rank = n, fromTrailer
	}
	release := releaseDocument(d.Type) && !periodicReport(f.Header.Form)
	limit := metaLines / 2
	if release {
		limit = releaseLines
	}
	text0, date0, yl, at := dateline(lines[:min(len(lines), limit)], release)
	title := headline(lines, at, release)
	if title != "" {
		f.Titles = append(f.Titles, title)
	}
	if n := headlineCompany(title); rank == 0 && n != "" {
		name, rank = n, fromHeadline
	}
	if rank == 0 {
		if name = companyName(text); name != "" {
			rank = fromProse
		}
	}
	// The dateline stands whether or not a company was named.
	if f.ReleaseDate.IsZero() && ctx.yearless == nil {
		f.Dateline, f.ReleaseDate, ctx.yearless = text0, date0, yl
	}
	// A later document's better source replaces another company's name; the
	// same company keeps the spelling first read.
	if name == "" {
		return
	}
	name = usualSpelling(preferSpelling(withSuffix(name, text), text), text)
	switch {
	case f.Company == "" || rank < ctx.companyRank && !sameCompany(name, f.Company):
		f.Company, ctx.companyRank = name, rank
	case sameCompany(name, f.Company) && f.Company == strings.ToUpper(f.Company) && name != strings.ToUpper(name) &&
		(hasSuffix(name) || !hasSuffix(f.Company)):
		f.Company = name // "Acme Widgets, Inc." reads better than the cover's "ACME WIDGETS, INC."
	}
}

// releaseLines is how far into a release document (an 8-K, an EX-99 or a
// bare release) its dateline is sought: an 8-K can carry the release
// after its cover page and items.
const releaseLines = 400

// releaseDocument reports whether a document type can hold a press
// release: the 8-K itself, an EX-99 or EX-20 exhibit, or a bare document.
// A 10-Q or 10-K has no dateline; its date is the filing date.
func releaseDocument(docType string) bool {
	t := strings.ToUpper(docType)
	return t == "" || strings.HasPrefix(t, "8-K") || strings.HasPrefix(t, "EX-99") || strings.HasPrefix(t, "EX-20")
}

// periodicReport: a 10-Q or 10-K submission, whose exhibits (plans,
// letters, annual reports) are no releases.
func periodicReport(form string) bool {
	return strings.HasPrefix(form, "10-Q") || strings.HasPrefix(form, "10-K")
}

// companyName takes the first name with a corporate suffix that no deal
// word precedes.
func companyName(text string) string {
	for from, tries := 0, 0; tries < 8 && from < len(text); tries++ {
		m := reCompany.FindStringSubmatchIndex(text[from:])
		if m == nil {
			break
		}
		if candidate := companyCandidate(text, from+m[2], from+m[3]); candidate != "" {
			return candidate
		}
		from += m[1]
	}
	return ""
}

// preferSpelling returns a mixed-case spelling of an upper-case name when
// the text has one ("THERMOGENESIS CORP." and "ThermoGenesis Corp.", "i-80
// GOLD CORP." and "i-80 Gold Corp.").
func preferSpelling(name, text string) string {
	if !shouted(name) {
		return name
	}
	upper, key := asciiUpper(text), asciiUpper(name) // same byte offsets as text and name
	for from := 0; ; {
		i := strings.Index(upper[from:], key)
		if i < 0 {
			break
		}
		at := from + i
		// An all lower-case spelling is a web or e-mail address ("3m.com").
		if alt := text[at : at+len(name)]; !shouted(alt) && alt != asciiLower(alt) && (at == 0 || !isLetter(text[at-1])) {
			return alt
		}
		from = at + len(name)
	}
	return name
}

// usualSpelling corrects a name read from a misspelling that the text
// spells otherwise twice or more: "Magellan Coper and Gold Corp." before
// the ticker, "Magellan Copper and Gold Corp." in the headline and the
// "About" paragraph. The spellings share their first word and differ by a
// letter or two, their suffixes included.
func usualSpelling(name, text string) string {
	fold, words := foldCompany(name), strings.Fields(name)
	if len(fold) < 8 || !hasSuffix(name) || strings.Count(text, name) > 1 {
		return name
	}
	first := words[0] + " "
	for from := 0; ; {
		i := strings.Index(text[from:], first)
		if i < 0 {
			return name
		}
		at := from + i
		from = at + len(first)
		w := strings.Fields(text[at:min(len(text), at+len(name)+8)])
		if len(w) < len(words) {
			continue
		}
		alt := strings.TrimRight(strings.Join(w[:len(words)], " "), ",;:")
		if alt != name && nameSuffix(w[len(words)-1]) && foldCompany(alt) != fold && editDistance(alt, name) <= 2 && strings.Count(text, alt) >= 2 {
			return alt
		}
	}
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// shouted reports whether a name is written in capitals, but for a lower-
// case word before a digit that it starts with ("i-80 GOLD CORP.").
func shouted(name string) bool {
	for _, w := range strings.Fields(name) {
		if w != asciiUpper(w) && !lowerDigitWord(strings.TrimRight(w, ".,")) {
			return false
		}
	}
	return true
}

// withSuffix completes a name read without its corporate suffix
// ("Advanced Micro Devices" before its ticker) from a spelling with one
// elsewhere in the text ("Advanced Micro Devices, Inc.").
func withSuffix(name, text string) string {
	if hasSuffix(name) {
		return name
	}
	for from := 0; ; {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return name
		}
		at := from + i + len(name)
		rest := strings.TrimPrefix(text[at:], ",")
		if w := strings.Fields(rest[:min(len(rest), 20)]); len(w) > 0 && rest != "" && rest[0] == ' ' && nameSuffix(w[0]) {
			return name + text[at:at+len(text[at:])-len(rest)] + " " + strings.TrimRight(w[0], ",;:)'’")
		}
		from = at
	}
}

// nameSuffix: a word that ends a firm's name in prose ("Inc.,"). "The"
// folds away when names are compared ("BOEING CO THE") but ends none:
// "Thoma Bravo, the world's largest ...".
func nameSuffix(w string) bool {
	x := suffixWord(w)
	return corporateSuffixes[x] && x != "THE"
}

// hasSuffix reports whether a name ends in a corporate suffix.
func hasSuffix(name string) bool {
	w := strings.Fields(name)
	return len(w) > 1 && corporateSuffixes[suffixWord(w[len(w)-1])]
}

// suffixWord folds "Inc.," to "INC" for a corporateSuffixes lookup.
func suffixWord(w string) string {
	return strings.ToUpper(strings.Trim(w, ".,;:)'’"))
}

// ticker is a "(NYSE: XX)" mention with the name standing before it.
type ticker struct{ exchange, ticker, name string }

// firstTicker finds the first exchange ticker in the text that no deal
// word ("merger with Beta Corp. (NYSE: BET)") gives to another company.
func firstTicker(text string) (ticker, bool) {
	for from, tries := 0, 0; tries < 8 && from < len(text); tries++ {
		m := reTicker.FindStringSubmatchIndex(text[from:])
		if m == nil {
			break
		}
		for i := range m {
			m[i] += from
		}
		from = m[1]
		name, deal := nameEnding(text, m[0]) // the name just before the ticker
		if deal {
			continue // a deal word before it: the other party's name
		}
		t := ticker{exchange: text[m[2]:m[3]], ticker: text[m[4]:m[5]], name: name}
		if base, _, _ := strings.Cut(t.exchange, "/"); strings.EqualFold(base, "nasdaq") || strings.EqualFold(t.exchange, "nasdaq nm") {
			t.exchange = "Nasdaq"
		}
		return t, true
	}
	return ticker{}, false
}

// nameEnding reads the name that ends at text[:end] (just before a
// ticker): capitalised words and the joining words of a firm's name
// ("Harbor, Smith and Co."), back to a dateline's dash, a lower-case word
// or a sentence; and reports whether a deal word stands before it (the
// name is then the other party's).
func nameEnding(text string, end int) (name string, deal bool) {
	window, cut := text[max(0, end-160):end], end-160 > 0
	if i := strings.LastIndexByte(window, '\n'); i >= 0 {
		window, cut = window[i+1:], false // the name's paragraph begins there
	}
	window = strings.NewReplacer("--", " -- ", "—", " — ", "/PRNewswire/", " / ").Replace(window)
	words := strings.Fields(window)
	if cut && len(words) > 0 {
		words = words[1:] // a word the window cut
	}
	start := len(words)
	for start > 0 && len(words)-start < 8 {
		w := words[start-1]
		tail := words[start:]
		switch {
		case nameJoiners[w] && len(tail) > 0:
		case !nameWord(w):
			return trimName(tail), dealWords[strings.ToLower(strings.Trim(w, ",;:"))]
		case strings.HasSuffix(w, ",") && len(tail) > 0 && !corporateSuffixes[suffixWord(tail[0])] && !joined(tail):
			return trimName(tail), false // "In Dallas, Acme Widgets": the comma ends a phrase
		}
		start--
	}
	return trimName(words[start:]), false
}

// definedCompany reads the name a release defines as "the Company", which
// is the filer's own ("Acme Widgets, Inc. (Nasdaq: ACW) (“Acme” or the
// “Company”)"), even where a deal word stands before it: "completed its
// merger with Acme Widgets, Inc. (the “Company”)".
func definedCompany(text string) string {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], "Company")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("Company")
		if !definedTerm(text, at, from) {
			continue
		}
		if open := definitionStart(text, at); open >= 0 {
			if name, _ := nameEnding(text, open); name != "" {
				return name
			}
		}
	}
	return ""
}

// definedTerm reports whether text[at:end] ("Company") stands in quotes
// after "the": the “Company”.
func definedTerm(text string, at, end int) bool {
	before := text[max(0, at-10):at]
	quoted := strings.TrimRight(before, "“”\"")
	after := text[end:]
	w := strings.Fields(quoted)
	return len(quoted) < len(before) && len(w) > 0 && strings.TrimLeft(w[len(w)-1], "(") == "the" &&
		(strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\"") || strings.HasPrefix(after, ",”"))
}

// definitionStart is where the brackets that define a name open: the
// bracket around text[at], and any bracket that stands right before it
// ("Acme Widgets, Inc. (Nasdaq: ACW) (the “Company”)"); -1 when none.
func definitionStart(text string, at int) int {
	open := strings.LastIndexByte(text[max(0, at-120):at], '(')
	if open < 0 {
		return -1
	}
	open += max(0, at-120)
	if strings.ContainsAny(text[open:at], ")\n") {
		return -1
	}
	for tries := 0; tries < 3; tries++ {
		before := strings.TrimRight(text[:open], " ")
		if !strings.HasSuffix(before, ")") {
			break
		}
		prev := strings.LastIndexByte(before[max(0, len(before)-60):], '(')
		if prev < 0 {
			break
		}
		open = prev + max(0, len(before)-60)
	}
	return open
}

// nameJoiners are the lower-case words a firm's name can hold.
var nameJoiners = map[string]bool{"and": true, "&": true, "of": true, "de": true, "du": true, "la": true, "the": true}

// nameWord: a word of a name holds an upper-case letter, starts with a
// digit (3Com) or is a lower-case letter run before a digit ("i3
// Verticals", "i-80 Gold"), and is neither a dash, a bracketed wire tag
// nor a number.
func nameWord(w string) bool {
	if strings.ContainsAny(w, "()/") || strings.Trim(w, "-—–.,;:") == "" {
		return false
	}
	hasUpper, letters := false, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			hasUpper = true
			letters++
		case c >= 'a' && c <= 'z':
			letters++
		}
	}
	return hasUpper || letters > 0 && isDigit(w[0]) || lowerDigitWord(strings.TrimRight(w, ".,;:’'"))
}

// lowerDigitWord: lower-case letters, then an optional hyphen and digits
// ("i3", "i-80"), as some names begin; not a word of a sentence.
func lowerDigitWord(w string) bool {
	i := 0
	for i < len(w) && w[i] >= 'a' && w[i] <= 'z' {
		i++
	}
	if i == 0 || i > 3 {
		return false
	}
	if i < len(w) && w[i] == '-' {
		i++
	}
	return allDigits(w[i:])
}

// joined reports whether name words hold a joining word ("Smith and Co."),
// so that a comma before them may belong to the name.
func joined(words []string) bool {
	for _, w := range words {
		if w == "and" || w == "&" {
			return true
		}
	}
	return false
}

// trimName drops lead words and joining words at the front of a name, a
// comma at its end, and trademark signs ("Acme Corporation® (Nasdaq: ACME)").
func trimName(words []string) string {
	for len(words) > 1 && (leadWords[words[0]] || nameJoiners[words[0]]) {
		words = words[1:]
	}
	if len(words) == 0 || nameJoiners[words[0]] {
		return ""
	}
	name := strings.TrimRight(strings.Join(words, " "), ",;:")
	if strings.ContainsAny(name, "®™") {
		name = strings.TrimSpace(strings.NewReplacer("®", "", "™", "").Replace(name))
	}
	if foldCompany(name) == "" || stockExchange(name) {
		return ""
	}
	return name
}

// registrantName reads a cover page's "ACME WIDGETS, INC." above "(Exact
// name of registrant as specified in its charter)".
func registrantName(lines []line) string {
	for i, l := range lines[:min(len(lines), 120)] {
		if !strings.Contains(l.Text, "egistrant") && !strings.Contains(l.Text, "EGISTRANT") {
			continue
		}
		low := asciiLower(l.Text)
		at := strings.Index(low, "name of registrant")
		if at < 0 {
			continue
		}
		if before, _, _ := strings.Cut(l.Text, "("); strings.TrimSpace(before) != "" && strings.Index(low, "(") < at {
			return cleanName(before) // "ACME CORP (Exact name of registrant ...)"
		}
		for j := i - 1; j >= max(0, i-3); j-- {
			if s := strings.TrimSpace(lines[j].Text); s != "" && !isRuleText(s) {
				return cleanName(s)
			}
		}
	}
	return ""
}

// isRuleText: a line of dashes, equals signs or underscores.
func isRuleText(s string) bool {
	return strings.Trim(s, "-=_* ") == ""
}

// cleanName tidies a name read from a line of its own.
func cleanName(s string) string {
	s = grid.FoldSpaces(s)
	if s == "" || strings.HasPrefix(s, "<") || foldCompany(s) == "" || stockExchange(s) {
		return ""
	}
	return s
}

// trailerCompany reads a wire service's trailer at a release's end:
// "SOURCE Acme Widgets Inc." (PR Newswire) or "CO: Acme Widgets Inc"
// (Business Wire).
func trailerCompany(lines []line) string {
	seen := 0
	for i := len(lines) - 1; i >= 0 && seen < 40; i-- {
		s := strings.TrimSpace(lines[i].Text)
		if s == "" {
			continue
		}
		seen++
		var rest string
		switch {
		case strings.HasPrefix(s, "SOURCE:"):
			rest = s[len("SOURCE:"):]
		case strings.HasPrefix(s, "SOURCE "):
			rest = s[len("SOURCE "):]
		case strings.HasPrefix(s, "CO:"):
			rest = s[len("CO:"):]
		default:
			continue
		}
		rest, _, _ = strings.Cut(rest, ";")
		rest = strings.Trim(strings.TrimSpace(rest), "/ ")
		if rest != "" && nameWord(firstField(rest)) && len(strings.Fields(rest)) <= 8 {
			return cleanName(rest)
		}
	}
	return ""
}

// headlineVerbs end a headline's subject: "ACME REPORTS ...", "Intel
// Announces ...", "Harbor Bank To Acquire ...". The quarter words end it
// too: "INTEL THIRD QUARTER REVENUE ...".
var headlineVerbs = map[string]bool{"reports": true, "announces": true, "posts": true, "declares": true, "completes": true,
	"names": true, "sets": true, "signs": true, "agrees": true, "acquires": true, "to": true, "expects": true, "raises": true,
	"issues": true, "releases": true, "launches": true, "receives": true, "elects": true, "appoints": true, "files": true,
	"reaffirms": true, "delivers": true, "achieves": true, "says": true, "comments": true, "updates": true, "increases": true,
	"first": true, "second": true, "third": true, "fourth": true, "q1": true, "q2": true, "q3": true, "q4": true,
	"quarterly": true, "annual": true, "record": true, "fiscal": true}

// headlineCompany is the subject of a headline: a name with a corporate
// suffix in it, or the capitalised words before its verb.
func headlineCompany(title string) string {
	if title == "" {
		return ""
	}
	if name := companyName(title); name != "" {
		return name
	}
	words := strings.Fields(title)
	for i, w := range words[:min(len(words), 7)] {
		if !headlineVerbs[strings.ToLower(w)] {
			continue
		}
		if i == 0 {
			return ""
		}
		for _, x := range words[:i] {
			if !nameWord(x) && !nameJoiners[x] || strings.HasSuffix(x, ":") || possessive(x) {
				return "" // "Acme’s Future: Evolving to ...": a topic, not a name
			}
		}
		return trimName(words[:i])
	}
	return ""
}

// possessive: "Acme's", "Acme’s".
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// headline is the release's headline: its first paragraph of three words
// or more, past mastheads ("PRESS RELEASE", "FOR IMMEDIATE RELEASE"),
// letterheads and contact blocks (telephones, e-mail), exhibit markers,
// page tags and tables. Only a release has one: a document that opens with
// an SEC cover page (an 8-K) has a headline when a release follows its
// "Exhibit 99" marker or its page break before the dateline (at, -1 when
// none was found); a 10-Q, 10-K or annual report has none.
func headline(lines []line, at int, release bool) string {
	if !release {
		return ""
	}
	from := 0
	if coverPage(lines) {
		if from = releaseStart(lines, at); from < 0 {
			return ""
		}
	}
	var parts []string
	done := func() string { return grid.FoldSpaces(strings.Join(parts, " ")) }
	inTable, skipping, upper, carried := false, false, false, false
	for i, l := range lines[from:] {
		s := strings.TrimSpace(l.Text)
		if from+i == at && !dateAlone(s) {
			break // the story begins: a headline stands above its dateline
		}
		switch {
		case tableTag(s, "TABLE"):
			inTable = true
		case tableTag(s, "/TABLE"):
			inTable = false
		case inTable:
		case s == "" || isPageBreak(s):
			if len(parts) > 0 {
				if len(strings.Fields(done())) >= 3 {
					if s == "" && !carried && unfinished(done(), nextText(lines[from+i+1:])) {
						carried = true // "Acme Announces" over "Record Results"
						continue
					}
					return done()
				}
				parts = nil // "Press Room": a letterhead's words, not a headline
			}
			skipping = false
		case skipping:
		case contactLine(s) || contactDetails(s):
			parts, skipping = nil, true // the whole paragraph: names, telephones, e-mail
		case pageNumber(s) || strings.HasPrefix(s, "<"):
		case len(parts) == 0 && len(l.Text)-len(strings.TrimLeft(l.Text, " ")) >= 40:
			// right-hand column: contact names, an exhibit number
		case len(parts) == 0 && bulleted(s):
			skipping = true // a list's item: the highlights under a headline
		case len(parts) == 0 && (mastheadLine(s) || exhibitMarker(s) || isCoverLine(s) || isRuleText(s) || dateAlone(s) || bracketed(s)):
		case len(parts) > 0 && upper && !mostlyUpper(s):
			return done() // "INTEL REPORTS RECORD REVENUE" over a sub-headline in lower case
		default:
			if len(parts) == 0 {
				upper = mostlyUpper(s)
			}
			parts = append(parts, s)
			if len(parts) > 4 {
				return done()
			}
		}
	}
	if len(strings.Fields(done())) >= 3 {
		return done()
	}
	return ""
}

// unfinished reports whether a headline's paragraph goes on in the next
// one, as filing agents' HTML sets a headline's lines apart: it ends in a
// joining word or a verb ("Acme Announces Results for the" over "Fourth
// Quarter"), or the next begins with a lower-case word ("Acme Adds Two
// Directors" over "and Names a Chair"). A dateline never continues it.
func unfinished(title, next string) bool {
	if next == "" || len(findDates(next)) > 0 || len(strings.Fields(next)) > 20 {
		return false
	}
	w := strings.Fields(title)
	last := asciiLower(w[len(w)-1])
	first := firstField(next)
	lower := true
	for i := 0; i < len(first); i++ {
		lower = lower && first[i] >= 'a' && first[i] <= 'z'
	}
	return danglingWords[last] || lower
}

// danglingWords cannot end a headline.
var danglingWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true, "or": true,
	"with": true, "to": true, "in": true, "on": true, "at": true, "by": true, "from": true, "its": true, "their": true,
	"as": true, "&": true, "into": true, "announces": true, "reports": true, "posts": true, "declares": true,
	"completes": true, "names": true, "signs": true, "agrees": true, "acquires": true, "expects": true, "raises": true,
	"issues": true, "launches": true, "receives": true, "elects": true, "appoints": true, "reaffirms": true,
	"delivers": true, "achieves": true, "provides": true, "schedules": true}

// nextText is the first line with text in lines.
func nextText(lines []line) string {
	for _, l := range lines[:min(len(lines), 4)] {
		if s := strings.TrimSpace(l.Text); s != "" {
			return s
		}
	}
	return ""
}

// releaseStart is where a release carried by a cover-page document
// begins: after its "Exhibit 99" marker, else after the page break before
// its dateline; -1 when it carries none.
func releaseStart(lines []line, at int) int {
	end := len(lines)
	if at >= 0 {
		end = at
	}
	for i, l := range lines[:end] {
		if exhibitMarker(strings.TrimSpace(l.Text)) {
			return i + 1
		}
	}
	if at < 0 {
		return -1
	}
	for i := at; i > 0; i-- {
		if isPageBreak(lines[i-1].Text) {
			return i
		}
	}
	return at
}

// contactDetails: a line with a telephone number, an e-mail or a web
// address, as letterheads and contact blocks have and headlines do not.
func contactDetails(s string) bool {
	low := asciiLower(s)
	if strings.Contains(low, "@") || strings.Contains(low, "www.") || strings.Contains(low, "http") {
		return true
	}
	// "(858) 587-1121", "1-408-749-3310", "214/555-1212": ten digits or
	// more joined by the marks a telephone number is written with.
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		digits, dash, j := 0, false, i
		for ; j < len(s) && (isDigit(s[j]) || strings.IndexByte("-/(). ", s[j]) >= 0); j++ {
			if isDigit(s[j]) {
				digits++
			}
			dash = dash || s[j] == '-'
		}
		if dash && digits >= 10 && digits <= 13 {
			return true
		}
		i = j
	}
	return false
}

// bulleted: a line that opens with a list's bullet ("•", "●", a symbol
// font's private-use mark), which no headline does.
func bulleted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '•' || r == '●' || r == '▪' || r == '■' || r == '◦' || r == '·' || r == '*' || r >= 0xE000 && r <= 0xF8FF
}

// bracketed: "[LETTERHEAD OF AMD]", "[COMPANY LOGO]".
func bracketed(s string) bool {
	return strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")
}

// mostlyUpper reports whether most letters of s are capitals.
func mostlyUpper(s string) bool {
	upper, letters := 0, 0
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			letters++
			if s[i] <= 'Z' {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*7
}

// tableTag reports whether a trimmed line is the tag <tag> (any case).
func tableTag(s, tag string) bool {
	return len(s) >= len(tag)+2 && s[0] == '<' && strings.EqualFold(s[1:len(tag)+1], tag) && s[len(tag)+1] == '>'
}

// mastheadLine: the lines above a release's headline that are not it.
func mastheadLine(s string) bool {
	u := strings.TrimSuffix(strings.ToUpper(strings.TrimRight(s, " :-")), "S") // "PRESS RELEASES"
	for _, m := range []string{"FOR IMMEDIATE RELEASE", "NEWS RELEASE", "PRESS RELEASE", "FOR RELEASE", "IMMEDIATE RELEASE", "RELEASE DATE", "NEW"} {
		if u == m || strings.HasPrefix(u, m) && len(u) > len(m) && !isLetter(u[len(m)]) && m != "NEW" {
			return true
		}
	}
	return false
}

// contactLine opens a contact block: "CONTACT: Jane Doe", "Media
// Contacts:", "Investor Contact:  John Roe".
func contactLine(s string) bool {
	low := asciiLower(s)
	i := strings.Index(low, "contact")
	if i < 0 || i > 30 {
		return false
	}
	rest := strings.TrimLeft(low[i+len("contact"):], "s")
	return strings.HasPrefix(strings.TrimSpace(rest), ":")
}

// exhibitMarker: a line that is only "EXHIBIT 99.1", "Exhibit 99" or
// "EX-99" (also EX-20, the older report to holders).
func exhibitMarker(s string) bool {
	for i := 0; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		if c := s[i]; !asciiSpace(c) {
			if c != 'E' && c != 'e' {
				return false // every marker opens with "EX": most lines are refused here, unread
			}
			break
		}
	}
	u := strings.Replace(strings.ToUpper(s), "EXHIBIT-", "EXHIBIT ", 1) // "Exhibit-99.1"
	w := strings.Fields(u)
	switch {
	case len(w) == 1:
		return strings.HasPrefix(w[0], "EX-99") || strings.HasPrefix(w[0], "EX-20")
	case len(w) == 2 && w[0] == "EXHIBIT":
		return strings.HasPrefix(w[1], "99") || strings.HasPrefix(w[1], "20")
	}
	return false
}

// isCoverLine: the lines of an SEC form's cover page.
func isCoverLine(s string) bool {
	if len(s) > 80 {
		return false // prose
	}
	u := asciiUpper(s)
	if strings.Contains(u, "  ") {
		u = grid.FoldSpaces(u)
	}
	switch {
	case strings.Contains(u, "SECURITIES AND EXCHANGE COMMISSION"), u == "UNITED STATES",
		strings.HasPrefix(u, "WASHINGTON, D.C."), strings.HasPrefix(u, "WASHINGTON, DC"), u == "CURRENT REPORT":
		return true
	case strings.HasPrefix(u, "FORM "):
		f := strings.TrimPrefix(u, "FORM ")
		return strings.HasPrefix(f, "8-K") || strings.HasPrefix(f, "10-Q") || strings.HasPrefix(f, "10-K") || strings.HasPrefix(f, "20-F")
	}
	return false
}

// coverPage reports whether a document opens with an SEC form's cover
// page rather than a release.
func coverPage(lines []line) bool {
	seen := 0
	for _, l := range lines {
		s := strings.TrimSpace(l.Text)
		if s == "" || strings.HasPrefix(s, "<") || isRuleText(s) {
			continue
		}
		if isCoverLine(s) {
			return true
		}
		if seen++; seen >= 8 {
			break
		}
	}
	return false
}

// pageNumber: "Page 1", "Page 2 of 6", "- 1 -".
func pageNumber(s string) bool {
	w := strings.Fields(strings.ToLower(strings.Trim(s, "- ")))
	if len(w) == 0 {
		return true
	}
	if w[0] == "page" {
		w = w[1:]
	}
	for _, x := range w {
		if x != "of" && strings.Trim(x, "0123456789") != "" {
			return false
		}
	}
	return len(w) > 0
}

// parseFullDate is the first date written out in full in s ("March 31,
// 2004"); false when there is none or its day is not in its month.
func parseFullDate(s string) (time.Time, bool) {
	var buf [1]fullDate
	ds := fullDatesIn(s, buf[:0])
	if len(ds) == 0 {
		return time.Time{}, false
	}
	return ds[0].date()
}

// inferFiscalYearEnd reads the fiscal year end from the prose ("year ended
// June 30") or from the tables: a 12-month column ends on it, and a six-
// or nine-month year-to-date column starts the day after it. low is text
// lower-cased by asciiLower.
func inferFiscalYearEnd(tables []*Table, text, low string, headers headerCache) time.Time {
	// The expression runs only where "year" stands, not over all the prose.
	for from := 0; ; {
		i := strings.Index(low[from:], "year")
		if i < 0 {
			break
		}
		at := from + i
		window := text[max(0, at-8):min(len(text), at+48)]
		if !strings.Contains(low[max(0, at-8):min(len(text), at+48)], "end") {
			from = at + 4
			continue
		}
		if m := reFYEProse.FindStringSubmatch(window); m != nil {
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
	var buf [4]fullDate
	for _, m := range fullDatesIn(header, buf[:0]) {
		if x, ok := m.date(); ok && x.Equal(d) {
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
	i := caseRun(s, from, to)
	if i == len(s) {
		return s // nothing to change: no copy
	}
	var b strings.Builder // one allocation, where []byte and string() make two
	b.Grow(len(s))
	for {
		b.WriteString(s[:i]) // a run with nothing to change, copied whole
		for ; i < len(s) && s[i] >= from && s[i] <= to; i++ {
			b.WriteByte(byte(int(s[i]) + shift))
		}
		s = s[i:]
		if i = caseRun(s, from, to); i == len(s) {
			b.WriteString(s)
			return b.String()
		}
	}
}

// caseRun is the length of s's lead bytes outside from..to.
func caseRun(s string, from, to byte) int {
	i := 0
	for i < len(s) && (s[i] < from || s[i] > to) {
		i++
	}
	return i
}

// companyCandidate trims a matched name's lead words and refuses one that
// a deal names as a party: a name within five words after "between",
// "with", "to", "from" or "acquire" ("CISCO SYSTEMS TO ACQUIRE COMBINET
// INC."), but not after "attributable to", which names the company's own
// share of a result. A name starts in its paragraph.
func companyCandidate(text string, start, end int) string {
	start += strings.LastIndexByte(text[start:end], '\n') + 1
	words := strings.Fields(text[start:end])
	for len(words) > 1 && leadWords[words[0]] {
		words = words[1:]
	}
	for _, w := range words {
		if dealWords[strings.ToLower(w)] {
			return ""
		}
	}
	if name := strings.Join(words, " "); foldCompany(name) == "" || stockExchange(name) {
		return "" // "the Company", "New York Stock Exchange, Inc."
	}
	before := strings.Fields(lastParagraph(text[max(0, start-40):start]))
	before = before[max(0, len(before)-5):]
	for i, w := range before {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		if dealWords[w] && !(w == "to" && i > 0 && strings.EqualFold(before[i-1], "attributable")) {
			return "" // "between Alpha Holdings and Beta Widgets Inc."
		}
	}
	return strings.Join(words, " ")
}

// stockExchange reports whether a name is an exchange's or the SEC's,
// which a cover page names beside the registrant.
func stockExchange(name string) bool {
	f := foldCompany(name)
	return strings.Contains(f, "STOCK EXCHANGE") || strings.Contains(f, "EXCHANGE COMMISSION")
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

package extract

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// sentence is one sentence of prose with a map back to its lines.
type sentence struct {
	Text  string
	lines []lineStart
	// Para counts the paragraphs before the sentence's own; Heading marks a
	// paragraph of one short line with no closing stop ("MATERIALS &
	// CONTROLS"), which opens a section.
	Para    int
	Heading bool
	// Scale is set when a line of the paragraph is a scale note standing
	// in the prose: "(in millions of dollars, except per share amounts)".
	Scale decimal.Decimal
	// Page counts the page breaks before the sentence: a scale note in a
	// page header holds for its page.
	Page int
}

type lineStart struct {
	Off, N int
}

// lineOf returns the file line of a byte offset in the sentence.
func (s *sentence) lineOf(off int) int {
	n := s.lines[0].N
	for _, ls := range s.lines {
		if ls.Off > off {
			break
		}
		n = ls.N
	}
	return n
}

var abbreviations = map[string]bool{"corp": true, "inc": true, "co": true, "ltd": true, "mr": true, "mrs": true, "ms": true, "dr": true, "no": true, "nos": true, "vs": true, "approx": true, "st": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "s": true, "e.g": true, "i.e": true, "pg": true, "pp": true, "fig": true, "sec": true, "vol": true}

// sentences splits prose into sentences: paragraphs are runs of non-blank
// lines, and a sentence ends at . ! or ? before a capital or a digit,
// except after an abbreviation ("Corp.", "U.S.") or an initial ("Philip H.
// Coelho").
func sentences(prose []line) []sentence {
	var out []sentence
	var text []byte // the paragraph's lines, spaces folded: one buffer for all
	var starts []lineStart
	para, page := 0, 0
	var scale decimal.Decimal
	top := true // only headings so far on this page
	flush := func() {
		if len(text) > 0 {
			p := sentence{Text: string(text), lines: starts, Para: para, Page: page}
			p.Heading = len(starts) == 1 && isHeading(p.Text)
			if top {
				// A scale note counts in the page's heading block, where
				// it heads the page; one further down heads a table.
				p.Scale = scale
			}
			top = top && p.Heading
			out = splitSentences(out, p)
			para++
		}
		text = text[:0]
		starts = nil
		scale = decimal.Zero
	}
	for _, l := range prose {
		end := len(text) // the paragraph before this line
		if end > 0 {
			text = append(text, ' ')
		}
		at := len(text)
		text = appendFolded(text, l.Text)
		t := text[at:]
		if len(t) == 0 || t[0] == '<' && isPageBreak(string(t)) {
			brk := len(t) > 0
			text = text[:end]
			flush()
			if brk {
				page, top = page+1, true
			}
			continue
		}
		if len(starts) == 1 && bytes.IndexFunc(text[:end], unicode.IsLower) < 0 && capsHeading(string(text[:end])) && bytes.IndexFunc(t, unicode.IsLower) >= 0 {
			// "AMERICAS" over "Net sales in the Americas ...": a heading of its own
			line := string(t)
			text = text[:end]
			flush()
			text, at = append(text, line...), 0
			t = text
		}
		if t[0] == '(' && t[len(t)-1] == ')' {
			if sc := proseScale(string(t)); !sc.IsZero() {
				scale = sc
			}
		}
		starts = append(starts, lineStart{Off: at, N: l.N})
	}
	flush()
	return out
}

// appendFolded appends s to b with each run of white space (Unicode's, as
// strings.Fields splits at) folded to one space and none at either end:
// grid.FoldSpaces, written into the paragraph's buffer rather than into a
// string of its own.
func appendFolded(b []byte, s string) []byte {
	n0, space := len(b), false
	for i := 0; i < len(s); {
		c, w := s[i], 1
		switch {
		case c < utf8.RuneSelf && asciiSpace(c):
			space, i = true, i+1
			continue
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space, i = true, i+n
				continue
			}
			w = n
		default: // an ASCII word: copied up to its end at once
			for i+w < len(s) && !wordStop[s[i+w]] {
				w++
			}
		}
		if space && len(b) > n0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, s[i:i+w]...)
		i += w
	}
	return b
}

// wordStop marks the bytes that end an ASCII word in appendFolded: white
// space, and the first byte of any other rune.
var wordStop = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || asciiSpace(byte(c))
	}
	return t
}()

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// splitSentences cuts a paragraph into sentences, appended to out,
// carrying each line's offset along so that every figure keeps its line.
func splitSentences(out []sentence, p sentence) []sentence {
	start, li := 0, 0
	// The sentences' line maps share one array: at most the paragraph's
	// lines, and one more for each sentence that opens mid-line.
	spans := make([]lineStart, 0, 2*len(p.lines))
	cut := func(end int) {
		lead := start
		for lead < end && p.Text[lead] == ' ' {
			lead++
		}
		if lead < end {
			for li+1 < len(p.lines) && p.lines[li+1].Off <= lead {
				li++
			}
			from := len(spans)
			spans = append(spans, lineStart{Off: 0, N: p.lines[li].N})
			for j := li + 1; j < len(p.lines) && p.lines[j].Off < end; j++ {
				spans = append(spans, lineStart{Off: p.lines[j].Off - lead, N: p.lines[j].N})
			}
			out = append(out, sentence{Text: p.Text[lead:end], lines: spans[from:len(spans):len(spans)], Para: p.Para, Heading: p.Heading, Scale: p.Scale, Page: p.Page})
		}
		start = end
	}
	t := p.Text
	for i := 0; i+2 < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' || t[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(t[i+2:])
		if !unicode.IsUpper(next) && !strings.ContainsRune(`"(-+@*•–—`, next) && !unicode.IsDigit(next) {
			continue // "1999 earnings per share were", "- Net income was" open a sentence too
		}
		if c == '.' && isAbbreviation(t[start:i]) {
			continue
		}
		cut(i + 1)
	}
	cut(len(t))
	return out
}

// isAbbreviation looks at the word before a period.
func isAbbreviation(before string) bool {
	w := strings.ToLower(strings.Trim(lastWord(before), `"'(`))
	return abbreviations[w] || len(w) == 1 && unicode.IsLetter(rune(w[0]))
}

// isHeading reports a one-line paragraph that names a section: a few
// words, no closing stop, not a page number.
func isHeading(t string) bool {
	if n := countFields(t, 9); n == 0 || n > 8 || strings.ContainsAny(t[len(t)-1:], ".!?,;:") {
		return false
	}
	return strings.IndexFunc(t, unicode.IsLetter) >= 0
}

// countFields counts the words of t as strings.Fields splits them, up to
// limit, without making the list.
func countFields(t string, limit int) int {
	n, in := 0, false
	for _, r := range t {
		switch space := r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r); {
		case space:
			in = false
		case !in:
			in, n = true, n+1
			if n == limit {
				return n
			}
		}
	}
	return n
}

// capsHeading reports a heading line in capitals ("NET SALES"), which
// may stand right above its first paragraph with no blank line between.
func capsHeading(t string) bool {
	return len(t) >= 3 && strings.IndexFunc(t, unicode.IsLower) < 0 && strings.Count(t, " ") < 8 && isHeading(t)
}

// proseScale reads a line of prose that only states the scale of the
// figures around it, as page headers of a discussion do: "(in millions of
// dollars, except per share amounts)". Zero for any other line.
func proseScale(t string) decimal.Decimal {
	if !strings.HasPrefix(t, "(") || !strings.HasSuffix(t, ")") || len(t) > 80 || !mayNameScale(t) {
		return decimal.Zero
	}
	return scaleOf(reScale.FindString(t)) // zero when no scale is named
}

// lastWord returns the text after the last space.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// amount is a figure found in a sentence.
type amount struct {
	Start, End int
	Text       string
	Value      decimal.Decimal
	Resolution decimal.Decimal
	Unit       Unit
	PerShare   []string // the EPS items a "per share" amount names
	// EitherEPS marks "per share" that names neither basic nor diluted:
	// it is held against both, and filed as neither.
	EitherEPS bool
	// Scaled marks a bare amount scaled by a scale note in the prose.
	Scaled bool
	// Linking results.
	Item   string
	Metric bool
	Loss   bool
	Period Period
	Linked bool
	change bool // a change or a part ("increased $633 million"): no claim
}

var multiplier = map[string]int64{"thousand": 1000, "million": 1000000, "billion": 1000000000}

// readNumber reads "2,500,000" or "8" ".3", with an optional "million".
// The resolution is one unit of the last digit written: 0.1 million for
// "$8.3 million".
func readNumber(digits, frac, mult string) (decimal.Decimal, decimal.Decimal) {
	v, ok := smallNumber(digits, frac)
	if !ok {
		v, _ = decimal.NewFromString("0" + strings.ReplaceAll(digits, ",", "") + frac)
	}
	res := decimal.New(1, -int32(max(len(frac)-1, 0)))
	if m := multiplier[strings.ToLower(strings.TrimSpace(mult))]; m > 0 {
		v = v.Mul(decimal.NewFromInt(m))
		res = res.Mul(decimal.NewFromInt(m))
	}
	return v, res
}

// smallNumber reads "2,500,000" and ".30" as the decimal 2500000.30,
// exactly as decimal.NewFromString reads them (the digits, and as many
// places as the fraction writes), without building the text it parses:
// false for a figure of more than 18 digits or anything but digits and
// commas before a '.' and digits.
func smallNumber(digits, frac string) (decimal.Decimal, bool) {
	var v int64
	n := 0
	for i := 0; i < len(digits); i++ {
		switch c := digits[i]; {
		case c == ',':
		case isDigit(c):
			v, n = v*10+int64(c-'0'), n+1
		default:
			return decimal.Decimal{}, false
		}
	}
	if frac != "" {
		if frac[0] != '.' {
			return decimal.Decimal{}, false
		}
		for i := 1; i < len(frac); i++ {
			if !isDigit(frac[i]) {
				return decimal.Decimal{}, false
			}
			v, n = v*10+int64(frac[i]-'0'), n+1
		}
	}
	if n > 18 || frac == "." {
		return decimal.Decimal{}, false
	}
	return decimal.New(v, -int32(max(len(frac)-1, 0))), true
}

// findAmounts finds money, percentages and share counts, in order.
func findAmounts(s string) []amount {
	var out []amount
	if !strings.ContainsAny(s, "$%") && !strings.Contains(s, "share") && !strings.Contains(s, "percent") {
		return nil
	}
	for _, m := range moneyMatches(s) {
		if m[3] == m[2] && m[4] < 0 {
			continue // a dollar sign with no figure
		}
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: USD}
		a.Value, a.Resolution = readNumber(s[m[2]:m[3]], sub(s, m[:], 4), sub(s, m[:], 6))
		perShare(s, &a)
		out = append(out, a)
	}
	if strings.Contains(s, " cent") {
		// "31 cents a share": a per-share amount in cents.
		for _, m := range centsMatches(s) {
			a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: USD}
			a.Value, a.Resolution = readNumber(s[m[2]:m[3]], sub(s, m[:], 4), "")
			a.Value, a.Resolution = a.Value.Shift(-2), a.Resolution.Shift(-2)
			if perShare(s, &a) {
				out = append(out, a)
			}
		}
	}
	for _, m := range findAllIf(percentMatches, s, strings.IndexByte(s, '%') >= 0 || containsFoldASCII(s, "percent")) {
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: Percent}
		whole, frac := splitFraction(s[m[2]:m[3]])
		a.Value, a.Resolution = readNumber(whole, frac, "")
		out = append(out, a)
	}
	taken := make([]bool, len(s)+1)
	for _, a := range out {
		for i := a.Start; i < a.End; i++ {
			taken[i] = true
		}
	}
	for _, m := range findAllIf(shareMatches, s, containsFoldASCII(s, "share")) {
		if taken[m[0]] || taken[m[1]-1] {
			continue
		}
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: Shares}
		whole, frac := splitFraction(s[m[2]:m[3]])
		a.Value, a.Resolution = readNumber(whole, frac, sub(s, m[:], 4))
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return withoutOverlaps(out)
}

// findAllIf runs a scanner only when a cheap test says it may match:
// most sentences hold no percentage and no share count.
func findAllIf(find func(string) []submatch, s string, may bool) []submatch {
	if !may {
		return nil
	}
	return find(s)
}

// containsFoldASCII reports whether s holds word (lower-case ASCII) in
// any case, without making a lower-case copy of s.
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// withoutOverlaps keeps, of amounts that overlap ("$31 cents a share"
// reads as "$31" and as "31 cents"), the longer reading: the rest of the
// prose reader takes amounts to stand apart, in order.
func withoutOverlaps(sorted []amount) []amount {
	out := sorted[:0]
	for _, a := range sorted {
		if n := len(out); n > 0 && a.Start < out[n-1].End {
			if a.End-a.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = a
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

// perShare reads "per share", "a share", "per diluted share" or "per
// share (diluted)" after an amount, and the EPS items it names. A per-share
// amount that says neither basic nor diluted ("$1.06 per common share")
// may be either: before 1997 it is primary EPS, later basic or diluted.
func perShare(s string, a *amount) bool {
	between, paren, ok := perShareAfter(s[a.End:])
	if !ok {
		return false
	}
	a.Unit = PerShare
	words := strings.ToLower(between + paren)
	basic := strings.Contains(words, "basic") || strings.Contains(words, "primary")
	diluted := strings.Contains(words, "diluted")
	switch {
	case basic && diluted:
		a.PerShare = []string{"eps_basic", "eps_diluted"}
	case diluted:
		a.PerShare = []string{"eps_diluted"}
	case basic:
		a.PerShare = []string{"eps_basic"}
	default:
		a.PerShare, a.EitherEPS = []string{"eps_basic", "eps_diluted"}, true
	}
	return true
}

// splitFraction splits "8.3" into "8" and ".3".
func splitFraction(s string) (string, string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

func sub(s string, m []int, i int) string {
	if m[i] < 0 {
		return ""
	}
	return s[m[i]:m[i+1]]
}

// claim is a prose figure to hold against the tables once they are read.
type claim struct {
	kind   string // "value", "ratio", "change"
	stated amount
	fact   Fact     // the prose fact, for its source and sentence
	parts  []amount // ratio: the numerator; change: current and prior
	base   string   // ratio: the denominator item
	alts   []string // value: the items any of which the figure may be ("per share": basic or diluted)
}

// readProse turns every amount, percentage and share count in the prose
// into a fact, and links those that name an item and a period to claims.
func (ctx *docContext) readProse(f *Filing, prose []line) {
	columns := columnPeriods(f)
	cal := proseCalendar{cal: f.Calendar, fy: currentFiscalYear(f)}
	phrases := ctx.set.ProsePhrases()
	var scale decimal.Decimal // a scale note in the prose holds to the end of its page
	scalePage := -1
	// A bare figure ("$966") in a filing whose tables are in millions may
	// be in millions too: its scale is uncertain unless a scale note of
	// the prose states it.
	millions := false
	for _, t := range f.Tables {
		millions = millions || t.Scale.GreaterThanOrEqual(decimal.NewFromInt(1000000))
	}
	// A scale note written as a sentence ("All dollar amounts in this
	// Management's Discussion and Analysis are in millions.") holds to
	// the end of its part of the filing: to the next "Item" or "Part".
	var noteScale decimal.Decimal
	part := false  // a section about a part of the company, to its next heading
	adjusted := -1 // a paragraph that opens "Excluding special items, ...": its figures are adjusted
	ss := sentences(prose)
	partSection := partSections(ss)
	for k, s := range ss {
		if !s.Scale.IsZero() {
			scale, scalePage = s.Scale, s.Page
		}
		if s.Page != scalePage {
			scale = decimal.Zero
		}
		if s.Heading {
			part = false
		}
		if opensFilingPart(s.Text) {
			noteScale = decimal.Zero
		}
		if sc := sentenceScale(s.Text); !sc.IsZero() {
			noteScale = sc
		}
		amounts := findAmounts(s.Text)
		switch {
		case !scale.IsZero():
			scaleBare(s.Text, amounts, scale)
		case !noteScale.IsZero():
			scaleBare(s.Text, amounts, noteScale)
		}
		if !part && introducesPart(s.Text, f) {
			part = true
		}
		if hasPrefixLower(s.Text, "excluding ") {
			adjusted = s.Para
		}
		if len(amounts) == 0 {
			continue // no figure: nothing to link
		}
		lower, alow := lowerCases(s.Text) // once a sentence, and only one with figures
		items := findItems(s.Text, lower, alow, phrases)
		// Only a sentence that names an item, and reports it, makes a claim.
		noClaim := part || partSection[k] || adjusted == s.Para || len(items) == 0 || containsAny(lower, notReportedWords) || strings.Contains(s.Text, "---") || strings.Contains(s.Text, "....")
		var periods []mention
		if !noClaim {
			periods = findPeriods(s.Text, lower, alow, cal)
		}
		heads := listHeads(s.Text, amounts)
		for i := range amounts {
			switch {
			case noClaim:
				continue
			case heads[i] != i:
				amounts[i].change = amounts[heads[i]].change
				continue // a list member: linked with its list below
			case millions && uncertainScale(amounts[i]):
				continue // a fact of the sentence, with no item
			case isChangeAmount(s.Text[:amounts[i].Start]) || apposedToPart(s.Text, amounts, i):
				amounts[i].change = true
				continue // a fact of the sentence, but no claim on the tables
			case coordinated(s.Text, amounts, i, items):
				// "$39 million in the fourth quarter and $169 million for
				// the year": the item of the amount before, its own period.
				p := amounts[i-1]
				if amounts[i].change = p.change; !p.change && p.Item != "" {
					amounts[i].Item, amounts[i].Metric, amounts[i].Loss = p.Item, p.Metric, p.Loss
					amounts[i].Period, amounts[i].Linked = linkPeriod(s.Text, &amounts[i], periods)
				}
				continue
			}
			ctx.linkAmount(s.Text, &amounts[i], amounts[:i], items, periods)
		}
		if !noClaim {
			linkLists(lower, amounts, heads, periods)
		}
		for i := range amounts {
			if amounts[i].Linked {
				amounts[i].Period = snapPeriod(columns, amounts[i].Period)
			}
		}
		for i := range amounts {
			ctx.emitProse(f, &s, amounts, i)
		}
	}
}

// lowerCases returns a sentence in lower case, for keyword tests
// (strings.ToLower), and with its ASCII letters lowered byte for byte,
// for offsets: one string when the sentence is ASCII.
func lowerCases(s string) (lower, alow string) {
	alow = asciiLower(s)
	if isASCII(s) {
		return alow, alow
	}
	return strings.ToLower(s), alow
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// scaleBare scales the money amounts a sentence writes with no "million"
// under a scale note of the prose: "$3,568" or "$1,002.5" in a discussion
// headed "(in millions of dollars)". Per-share amounts are never scaled.
func scaleBare(s string, amounts []amount, scale decimal.Decimal) {
	for i := range amounts {
		a := &amounts[i]
		if a.Unit != USD || a.Text[0] != '$' || strings.ContainsAny(a.Text, "mbtMBT") || strings.Count(a.Text, ",") > 1 || centsWritten(a.Text) {
			continue // "$8.3 million" is scaled by its words; "$199,713,000" and "$32.25" are in dollars
		}
		a.Value, a.Resolution, a.Scaled = a.Value.Mul(scale), a.Resolution.Mul(scale), true
	}
}

// centsWritten: an amount written to the cent or finer ("$32.25"), as a
// price is; a scaled figure is written to one decimal at most ("$1,002.5").
func centsWritten(t string) bool {
	i := strings.IndexByte(t, '.')
	return i >= 0 && len(t)-i-1 >= 2
}

// sentenceScale reads a sentence that only states the scale of the
// figures after it: "All dollar amounts in this Management's Discussion
// and Analysis are in millions.", "Dollar amounts are stated in
// thousands." Zero for any other sentence.
func sentenceScale(t string) decimal.Decimal {
	if len(t) > 200 || strings.ContainsAny(t, "$%") || !hasScaleWords(t) {
		return decimal.Zero
	}
	lower := strings.ToLower(t)
	if !containsAny(lower, []string{"amount", "dollar", "figure"}) {
		return decimal.Zero
	}
	words := strings.Fields(strings.Trim(lower, ".:;, "))
	for i := 2; i < len(words); i++ {
		if words[i-1] != "in" {
			continue
		}
		verb := words[i-2]
		if i >= 3 && statedVerbs[verb] {
			verb = words[i-3]
		}
		if verb != "are" && verb != "is" {
			continue
		}
		switch strings.Trim(words[i], ",.;:") {
		case "thousands":
			return decimal.NewFromInt(1000)
		case "millions":
			return decimal.NewFromInt(1000000)
		case "billions":
			return decimal.NewFromInt(1000000000)
		}
	}
	return decimal.Zero
}

// hasScaleWords: a sentence that states a scale holds "in thousands",
// "in millions" or "in billions", in lower or upper case - one pass over
// it, not one for each phrase.
func hasScaleWords(t string) bool {
	for i := 0; i+3 <= len(t); i++ {
		var scales []string
		switch t[i : i+3] {
		case "in ":
			scales = []string{"thousands", "millions", "billions"}
		case "IN ":
			scales = []string{"THOUSANDS", "MILLIONS", "BILLIONS"}
		default:
			continue
		}
		for _, w := range scales {
			if strings.HasPrefix(t[i+3:], w) {
				return true
			}
		}
	}
	return false
}

// statedVerbs may stand between "are" and "in millions".
var statedVerbs = map[string]bool{"stated": true, "expressed": true, "presented": true, "shown": true, "reported": true, "given": true}

// opensFilingPart reports a heading that opens a part or an item of a
// filing ("PART II.", "Item 3. Quantitative and Qualitative ..."): the
// end of the discussion before it.
func opensFilingPart(t string) bool {
	if len(t) > 100 || t == "" || t[0] != 'I' && t[0] != 'P' {
		return false
	}
	w := strings.Fields(t)
	if len(w) < 2 {
		return false
	}
	switch w[0] {
	case "Item", "ITEM", "Part", "PART":
	default:
		return false
	}
	n := strings.TrimRight(w[1], ".:")
	if n == "" {
		return false
	}
	if allDigits(strings.TrimRight(n, "ABCab")) {
		return true // "Item 7", "Item 7A"
	}
	return strings.Trim(n, "IVXivx") == "" // "Part II"
}

// uncertainScale: a money figure under a million written without
// "million" and not scaled by a note ("$966").
func uncertainScale(a amount) bool {
	return a.Unit == USD && !a.Scaled && !strings.ContainsAny(a.Text, "mbtMBT") && a.Value.LessThan(decimal.NewFromInt(1000000))
}

// introducesPart reports a sentence that introduces, by a name and its
// initials, a business other than the filer - a segment, a subsidiary or
// a joint venture: "the Educational & Productivity Solutions (E&PS)
// business recognized record revenues", "Texas Commerce Bancshares (TCB)
// reported net income". The sentences after it, to the next heading, speak
// of that business, not of the company. The filer's name must be known.
func introducesPart(s string, f *Filing) bool {
	if !strings.Contains(s, "(") || f.Company == "" && f.Header.Company == "" {
		return false
	}
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '(')
		if i < 0 {
			return false
		}
		at := from + i
		from = at + 1
		j := strings.IndexByte(s[at:], ')')
		if j < 0 {
			return false
		}
		if !isInitials(s[at+1 : at+j]) {
			continue
		}
		name := capitalizedBefore(s[:at])
		if name == "" || sameFirstWord(name, f.Company) || sameFirstWord(name, f.Header.Company) {
			continue
		}
		// It is a business when called one, or when it reports figures
		// ("(TCB) reported net income"); "the Financial Accounting
		// Standards Board (FASB) issued" is neither.
		after := strings.ToLower(s[at+j+1:])
		if containsAny(firstWords(after, 8), partNouns) || containsAny(firstWords(after, 3)+" ", reportingVerbs) {
			return true
		}
	}
}

// partSections marks the sentences of each section that speaks of a part
// of the company: a section opened by a heading that names a segment or a
// division ("Retail Segment"), or one whose sentences refer to it as "this
// segment" - a release that reports by segment under headings with the
// segments' names ("Modular Buildings", then "Net income of $1.4 million
// ... in this segment"). A section runs from its heading to the next one.
func partSections(ss []sentence) []bool {
	out := make([]bool, len(ss))
	start := -1 // the section's heading; -1 before the first
	mark := func(end int) {
		if start < 0 {
			return // no heading: the opening of a release speaks of the company
		}
		h := ss[start].Text
		if i := strings.IndexByte(h, ':'); i > 0 && !ss[start].Heading {
			h = h[:i] // a run-in heading: the words before its colon
		}
		part := namesPart(h)
		for k := start; k < end && !part; k++ {
			t := ss[k].Text
			part = (strings.Contains(t, "egment") || strings.Contains(t, "ivision")) && containsAny(strings.ToLower(t), sectionPartWords)
		}
		for k := start; k < end; k++ {
			out[k] = part
		}
	}
	for k, s := range ss {
		opens := k == 0 || ss[k-1].Para != s.Para
		if opens && (s.Heading || runInHeading(s.Text)) {
			mark(k)
			start = k
		}
	}
	mark(len(ss))
	return out
}

// sectionPartWords refer back to a part that a section is about.
var sectionPartWords = []string{"this segment", "this division", "this business segment", "this reporting segment", "this operating segment"}

// namesPart reports a heading that names a segment or a division, not the
// whole company: "Retail Segment", but not "Consolidated Segment Results".
func namesPart(h string) bool {
	low := strings.ToLower(h)
	return containsAny(low, []string{"segment", "division"}) && !containsAny(low, []string{"consolidated", "total", "segments", "divisions"})
}

// runInHeading reports a sentence that opens with a heading of its own
// before a colon, in title case: "Net Income (Loss) per Share -
// continuing operations: Net income per share was ...".
func runInHeading(t string) bool {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 80 {
		return false
	}
	words := strings.Fields(t[:i])
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	upper, lower := 0, 0
	for _, w := range words {
		r := []rune(strings.TrimLeft(w, `("'“•●`))
		switch {
		case len(r) == 0:
		case unicode.IsDigit(r[0]) || r[0] == '$':
			return false // a figure: "$1.3 million:" is no heading
		case !unicode.IsLetter(r[0]):
		case unicode.IsUpper(r[0]):
			upper++
		default:
			lower++
		}
	}
	return upper > 0 && upper >= lower
}

// reportingVerbs say that a business reported its figures.
var reportingVerbs = []string{"reported", "recorded", "earned", "posted", "had ", "recognized", "generated", "lost"}

// partNouns name a business that is a part of the company.
var partNouns = []string{"business", "segment", "division", "subsidiary", "joint venture", "unit", "group", "affiliate"}

// isInitials: "TCB", "E&PS", "M&C" - capitals, digits and '&', two or more
// capitals.
func isInitials(t string) bool {
	caps := 0
	for _, r := range t {
		switch {
		case r >= 'A' && r <= 'Z':
			caps++
		case r >= '0' && r <= '9' || r == '&' || r == '-':
		default:
			return false
		}
	}
	return caps >= 2 && len(t) <= 8
}

// capitalizedBefore returns the run of capitalized words (and '&') that
// ends s: the name before a parenthesis.
func capitalizedBefore(s string) string {
	words := strings.Fields(s)
	start := len(words)
	for start > 0 {
		w := strings.Trim(words[start-1], ",")
		if w != "&" && (w == "" || !unicode.IsUpper([]rune(w)[0])) {
			break
		}
		start--
	}
	return strings.Join(words[start:], " ")
}

// sameFirstWord reports whether two names begin with the same word,
// whatever the case: "Texas Instruments" and "TEXAS INSTRUMENTS INC".
func sameFirstWord(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	trim := func(w string) string { return strings.ToLower(strings.Trim(w, `"'.,’`)) }
	wa := strings.TrimSuffix(strings.TrimSuffix(trim(fa[0]), "'s"), "’s")
	return wa == trim(fb[0])
}

// listHeads finds lists of money amounts ("$6,224,000, $7,620,000 and
// $2,496,000"): each amount's index is that of the list's first amount.
func listHeads(s string, amounts []amount) []int {
	heads := make([]int, len(amounts))
	for i := range amounts {
		heads[i] = i
		if i == 0 || amounts[i].Unit != USD || amounts[i-1].Unit != USD {
			continue
		}
		switch strings.TrimSpace(s[amounts[i-1].End:amounts[i].Start]) {
		case ",", "and", ", and", "or", ", or":
			heads[i] = heads[i-1]
		}
	}
	return heads
}

// linkLists links the members of each list to the item of its first
// amount, and the list's periods by "respectively": "$56 million and $165
// million at September 25, 1998 and September 26, 1997, respectively". A
// list without "respectively" shares one period phrase between figures of
// several periods, and is left without periods.
func linkLists(lower string, amounts []amount, heads []int, periods []mention) {
	for h := range amounts {
		n := 0
		for i := h; i < len(amounts) && heads[i] == h; i++ {
			n++
		}
		if heads[h] != h || n < 2 {
			continue
		}
		head := amounts[h]
		var run []mention
		if strings.Contains(lower, "respectively") {
			run = periodRun(periods, n)
		}
		for i := h; i < h+n; i++ {
			a := &amounts[i]
			a.Linked, a.Period = false, Period{}
			if head.change || head.Item == "" {
				a.change = head.change
				continue
			}
			a.Item, a.Metric, a.Loss = head.Item, head.Metric, head.Loss
			if run != nil {
				a.Period, a.Linked = run[i-h].Period, true
			}
		}
	}
}

// periodRun finds the one run of n period phrases that follow each other
// ("in 1996 and 1995", "December 30, 1995 and December 31, 1994").
func periodRun(periods []mention, n int) []mention {
	var found []mention
	for i := 0; i+n <= len(periods); i++ {
		if i > 0 && periods[i].Run == periods[i-1].Run && periods[i].Run != 0 {
			continue // not the start of a run
		}
		j := i + 1
		for j < len(periods) && periods[j].Run != 0 && periods[j].Run == periods[i].Run {
			j++
		}
		if j-i == n {
			if found != nil {
				return nil // two runs fit: leave it open
			}
			found = periods[i:j]
		}
	}
	return found
}

// coordinated reports a money amount joined by "and" to the money amount
// before it, with no item named between: "$39 million in the fourth
// quarter and $169 million for the year", "$6,224,000 ... for fully
// diluted and $5,855,000 ... for primary".
func coordinated(s string, amounts []amount, i int, items []mention) bool {
	if i == 0 || amounts[i].Unit != USD || amounts[i-1].Unit != USD {
		return false
	}
	gap := strings.TrimRight(s[amounts[i-1].End:amounts[i].Start], " ")
	if !strings.HasSuffix(gap, " and") || strings.Contains(gap, ";") || strings.Count(gap, " ") > 8 {
		return false
	}
	for _, m := range items {
		if m.Start >= amounts[i-1].End && m.End <= amounts[i].Start {
			return false
		}
	}
	// "... and $1 million in net income" names its own item.
	after := s[amounts[i].End:]
	if _, ok := describedNoun(after, items, amounts[i].End); ok {
		return false
	}
	return mentionStartingAt(items, amounts[i].End+len(after)-len(strings.TrimLeft(after, " "))) == nil
}

// apposed reports the text between a money amount and the per-share
// amount that restates it: "$7.2 million, or $0.12 per share", "$39
// million ($0.21 per share)".
func apposed(gap string) bool {
	g := strings.Trim(gap, " ,(")
	return g == "" || g == "or" || strings.HasSuffix(g, ", or") && !strings.Contains(g, "$")
}

// apposedToPart reports a per-share amount that restates a money amount
// standing just before it that is a change or a part: "a reduction of
// net loss by approximately $7.2 million, or $0.12 per share".
func apposedToPart(s string, amounts []amount, i int) bool {
	if i == 0 || amounts[i].Unit != PerShare || amounts[i-1].Unit != USD {
		return false
	}
	return apposed(s[amounts[i-1].End:amounts[i].Start]) && amounts[i-1].change
}

// notReportedWords mark a sentence whose figures are not the company's
// reported consolidated figures: pro forma or hypothetical amounts,
// guidance, parts of a figure, other businesses.
var notReportedWords = []string{"pro forma", "proforma", "would have", "would be", "had been", "if the ", "excluding",
	"exclusive of", "prior to the combination", "of which", "foreign operations",
	"segment", "division", "guidance", "expects", "expected to", "anticipate", "outlook", "forecast", "target",
	"acquired", "predecessor", "on a comparable", "as adjusted", "divested", "joint venture", "will be", "projected",
	"region"}

// isChangeAmount reports an amount that states a change or a part rather
// than a level: "a decrease in the net loss of approximately $3 million",
// "increased by $2.1 million", "including trial expenses of $326,000"
// (but "increased 6% to $2.5 million" is a level).
func isChangeAmount(before string) bool {
	words := strings.Fields(strings.ToLower(tail(before, 60)))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	for last == "approximately" || last == "about" || last == "nearly" || last == "a" || last == "an" {
		words = words[:len(words)-1]
		if len(words) == 0 {
			return false
		}
		last = words[len(words)-1]
	}
	switch last {
	case "increased", "decreased", "grew", "rose", "fell", "declined", "up", "down", "improved",
		"increasing", "decreasing", "growing", "rising", "falling", "declining", "improving":
		return true // "Net sales increased $633 million"
	case "include", "includes", "included", "including":
		return true // "cash and cash equivalents include $177 million pledged": a part
	case "of", "by":
	default:
		return false
	}
	from := max(0, len(words)-7)
	if last == "by" {
		// "Net sales increased sequentially during the first quarter
		// compared to the fourth quarter by $1.007 billion": the verb may
		// stand a whole clause before its "by".
		words, from = strings.Fields(strings.ToLower(before)), 0
	}
	for _, w := range words[from:] {
		for _, stem := range []string{"increase", "decrease", "decline", "improve", "growth", "reduc", "impact", "effect", "benefit", "change", "rise", "drop", "includ"} {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

func (ctx *docContext) linkAmount(s string, a *amount, prev []amount, items, periods []mention) {
	switch a.Unit {
	case USD:
		if m, ok := linkItem(s, a, prev, items, periods); ok {
			a.Item, a.Metric, a.Loss = m.ID, m.Metric, m.Loss
		}
	case PerShare:
		// "$907 million, or $1.31 per share": the per-share figure of the
		// money amount it restates, for the same period.
		if n := len(prev); n > 0 && prev[n-1].Unit == USD && apposed(s[prev[n-1].End:a.Start]) {
			if p := prev[n-1]; p.Item == "net_income" {
				a.Item, a.Loss, a.Period, a.Linked = a.PerShare[0], p.Loss, p.Period, p.Linked
			}
			return
		}
		// "$0.03 per basic and diluted share" states EPS when it stands
		// with a net income (loss) amount or phrase.
		var ctxItem mention
		for _, m := range items {
			if m.End <= a.Start && !m.Excluded {
				ctxItem = m
			}
		}
		for _, p := range prev {
			if p.Unit == USD && p.Item == "net_income" && p.End > ctxItem.End {
				ctxItem = mention{ID: p.Item, Loss: p.Loss, End: p.End}
			}
		}
		if ctxItem.ID == "net_income" {
			a.Item, a.Loss = a.PerShare[0], ctxItem.Loss
		}
	}
	if a.Item != "" {
		a.Period, a.Linked = linkPeriod(s, a, periods)
	}
}

// snapPeriod replaces a period named in prose ("the first quarter of fiscal
// 2004", nominally to December 31) by the table column it matches (13
// weeks to December 27), so that both carry the same dates.
func snapPeriod(columns []Period, p Period) Period {
	for _, c := range columns {
		if SamePeriod(c, p) {
			return c
		}
	}
	return p
}

// columnPeriods lists the distinct periods of the tables' columns, in
// table order: read once a document, not once an amount.
func columnPeriods(f *Filing) []Period {
	var out []Period
	seen := map[string]bool{}
	for _, t := range f.Tables {
		for _, c := range t.Columns {
			if k := c.Period.Key(); k != "" && !seen[k] {
				seen[k] = true
				out = append(out, c.Period)
			}
		}
	}
	return out
}

// currentFiscalYear is the fiscal year of the latest period in the
// release's tables, or of its release date.
func currentFiscalYear(f *Filing) int {
	if !f.Calendar.Known() {
		return 0
	}
	latest := latestPeriodEnd(f.Tables)
	if latest.IsZero() {
		latest = f.ReleaseDate
	}
	if latest.IsZero() {
		return 0
	}
	return f.Calendar.FiscalYear(latest)
}

func (ctx *docContext) emitProse(f *Filing, s *sentence, amounts []amount, i int) {
	a := amounts[i]
	n := s.lineOf(a.Start)
	fact := Fact{
		Document: f.File, Company: f.Company, Statement: Narrative, Label: contextLabel(s.Text, a),
		Value: a.Value, Unit: a.Unit, Resolution: a.Resolution, Table: -1, Row: -1, Sentence: s.Text,
		Source: ctx.sourceOf(n, a.Text),
	}
	if a.Loss {
		fact.Value = fact.Value.Neg()
	}
	if a.Linked {
		fact.Period = a.Period
	}
	switch {
	case a.Unit == Percent:
		ctx.percentClaim(fact, amounts, i, s.Text)
		ctx.proseFacts = append(ctx.proseFacts, fact)
	case a.Unit == PerShare && a.Item != "" && a.EitherEPS:
		// Filed as neither basic nor diluted; checked against both.
		ctx.proseFacts = append(ctx.proseFacts, fact)
		if a.Linked {
			ctx.claims = append(ctx.claims, claim{kind: "value", stated: withItem(a, a.PerShare[0]), fact: fact, alts: a.PerShare})
		}
	case a.Unit == PerShare && a.Item != "":
		for _, id := range a.PerShare {
			fact.Item = id
			ctx.proseFacts = append(ctx.proseFacts, fact)
			if a.Linked {
				ctx.claims = append(ctx.claims, claim{kind: "value", stated: withItem(a, id), fact: fact})
			}
		}
	default:
		if a.Item != "" && !a.Metric {
			fact.Item = a.Item
		}
		ctx.proseFacts = append(ctx.proseFacts, fact)
		if a.Linked {
			ctx.claims = append(ctx.claims, claim{kind: "value", stated: a, fact: fact})
		}
	}
}

func withItem(a amount, id string) amount {
	a.Item = id
	return a
}

// percentClaim links "32% of net revenues" (a ratio to the amount before
// "or") and "increased 6%" (a change between two linked amounts).
func (ctx *docContext) percentClaim(fact Fact, amounts []amount, i int, s string) {
	a := amounts[i]
	before := strings.TrimRight(tail(s[:a.Start], 60), " ")
	if orBefore(before) {
		for j := i - 1; j >= 0; j-- {
			if amounts[j].Unit != USD {
				continue
			}
			num := amounts[j]
			if num.Item == "" || !num.Linked || num.Metric {
				return
			}
			base := "revenue"
			if at := ofAfter(s[a.End:]); at >= 0 {
				rest := s[a.End+at:]
				lower, alow := lowerCases(rest)
				items := findItems(rest, lower, alow, ctx.set.ProsePhrases())
				if len(items) > 0 && items[0].Start == 0 {
					base = items[0].ID
				}
			}
			ctx.claims = append(ctx.claims, claim{kind: "ratio", stated: a, fact: fact, parts: []amount{num}, base: base})
			return
		}
		return
	}
	if !changeWordBefore(before) && !changeNext(s[a.End:]) || onABasis(s[a.End:]) {
		return // "increased 6 percent on a pre-currency basis": not the reported change
	}
	down := downWord(lastWords(before, 2)) || changeNext(s[a.End:]) && downWord(firstWords(s[a.End:], 2))
	near := -1
	for j, b := range amounts {
		if b.Unit == USD && b.Item != "" && b.Linked && (near < 0 || distance(a, b) < distance(a, amounts[near])) {
			near = j
		}
	}
	if near < 0 {
		return
	}
	var pair []amount
	for _, b := range amounts {
		if b.Unit == USD && b.Item == amounts[near].Item && b.Linked {
			pair = append(pair, b)
		}
	}
	if len(pair) != 2 || pair[0].Period.End.Equal(pair[1].Period.End) {
		return
	}
	if pair[1].Period.End.After(pair[0].Period.End) {
		pair[0], pair[1] = pair[1], pair[0]
	}
	stated := a
	if down {
		stated.Value = stated.Value.Neg()
	}
	ctx.claims = append(ctx.claims, claim{kind: "change", stated: stated, fact: fact, parts: pair})
}

// onABasis reports a percentage measured on some other basis than the
// reported figures: "6 percent on a pre-currency basis", "on a constant
// currency basis".
func onABasis(after string) bool {
	w := strings.Fields(strings.ToLower(headOf(after, 60)))
	if len(w) < 3 || w[0] != "on" || w[1] != "a" && w[1] != "an" {
		return false
	}
	for _, x := range w[2:min(len(w), 6)] {
		if strings.HasPrefix(x, "basis") {
			return true
		}
	}
	return false
}

// headOf returns the first n bytes of s, cut at a space.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

func distance(a, b amount) int {
	if b.Start >= a.End {
		return b.Start - a.End
	}
	return a.Start - b.End
}

func lastWords(s string, n int) string {
	f := strings.Fields(tail(s, 60))
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// tail returns the last n bytes of s, cut at a space.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// contextLabel names a prose figure by the words before it.
func contextLabel(s string, a amount) string {
	if l, ok := contextLabelIn(s, a); ok {
		return l
	}
	words := strings.Fields(tail(s[:a.Start], 80))
	label := strings.Join(words[max(0, len(words)-6):], " ")
	return strings.TrimSpace(label + " " + a.Text)
}

// contextLabelIn is contextLabel where the label is a stretch of the
// sentence: the last six words before the figure, one space, the figure.
// A sentence's words stand one space apart (sentences folds them), so it
// is the common case; false for any other, which contextLabel builds.
func contextLabelIn(s string, a amount) (string, bool) {
	t := tail(s[:a.Start], 80)
	from := a.Start - len(t)
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || c != ' ' && asciiSpace(c) || c == ' ' && i > 0 && t[i-1] == ' ' {
			return "", false // a rune that may be a space, or spaces to fold
		}
	}
	end := a.Start - 1
	if end < from || s[end] != ' ' || end > from && s[end-1] == ' ' || a.Text != s[a.Start:a.End] || strings.TrimSpace(a.Text) != a.Text {
		return "", false
	}
	start, words := end, 0
	for start > from && words < 6 {
		if s[start-1] == ' ' {
			words++
			if words == 6 {
				break
			}
		}
		start--
	}
	if start == end {
		return a.Text, true // no word before it
	}
	if s[start] == ' ' {
		start++
	}
	return s[start:a.End], true
}

// sourceOf finds the column span of an amount on its line: where the
// line first holds its text, or else its words apart by white space. An
// HTML filing may hold a whole release on one line: the characters before
// the span are counted on from the figure before, not from the line's start.
func (ctx *docContext) sourceOf(n int, text string) Source {
	src := Source{File: ctx.file, Line: n}
	lineText := ctx.lineText(n)
	if start, end, ok := findSpaced(lineText, text); ok {
		src.ColStart = ctx.runesTo(n, lineText, start) + 1
		src.ColEnd = ctx.runesTo(n, lineText, end)
	}
	return src
}

// findSpaced finds the first place s holds text, or else text's words
// apart by white space (the expression of the words quoted and joined by
// \s+): its start and end, and whether there is one.
func findSpaced(s, text string) (int, int, bool) {
	if i := strings.Index(s, text); i >= 0 {
		return i, i + len(text), true
	}
	if strings.ContainsRune(text, utf8.RuneError) {
		// The expression reads an invalid byte of s as this rune.
		re := regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`))
		if loc := re.FindStringIndex(s); loc != nil {
			return loc[0], loc[1], true
		}
		return 0, 0, false
	}
	words := strings.Fields(text)
	if len(words) == 0 {
		return 0, 0, true // the empty expression matches at the start
	}
	for from := 0; ; {
		i := strings.Index(s[from:], words[0])
		if i < 0 {
			return 0, 0, false
		}
		start := from + i
		if end, ok := spacedWords(s, start+len(words[0]), words[1:]); ok {
			return start, end, true
		}
		from = start + 1
	}
}

// spacedWords matches words at s[at:], each after one or more of the
// expression's white space (\s: tab, line feed, form feed, carriage return,
// space), and returns where the last ends.
func spacedWords(s string, at int, words []string) (int, bool) {
	for _, w := range words {
		j := at
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		if j == at || !strings.HasPrefix(s[j:], w) {
			return 0, false
		}
		at = j + len(w)
	}
	return at, true
}

// runesTo counts the characters of line n (text s) before byte at, going on
// from the nearest count made before it on the same line: a figure whose
// text first stands further back than the figure before is counted from
// the count nearest it, not from the line's start.
func (ctx *docContext) runesTo(n int, s string, at int) int {
	if at < len(s) && !utf8.RuneStart(s[at]) {
		return utf8.RuneCountInString(s[:at]) // inside a character: counts do not add up there
	}
	m := &ctx.runeMarks
	if m.line != n {
		m.line, m.marks = n, m.marks[:0]
	}
	k := sort.Search(len(m.marks), func(i int) bool { return m.marks[i].at > at }) // the first count after at
	from, runes := 0, 0
	if k > 0 {
		from, runes = m.marks[k-1].at, m.marks[k-1].runes
	}
	runes += utf8.RuneCountInString(s[from:at])
	if k == len(m.marks) && at > from {
		m.marks = append(m.marks, runeMark{at, runes})
	}
	return runes
}

// runeMarks are counts of the characters of a line before bytes of it
// (each a character's start), in byte order.
type runeMarks struct {
	line  int
	marks []runeMark
}

type runeMark struct{ at, runes int }

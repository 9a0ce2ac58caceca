package extract

import "strings"

// Hand-written matchers for the period phrases of prose ("the three months
// ended December 31, 1998", "the first quarter of fiscal 2004", "a year
// earlier"), in place of the regular expressions they were; each keeps its
// expression's matches and groups exactly (prose_scan_test.go holds the
// expressions and proves it on the corpus and by fuzzing). A matcher is
// tried at a word boundary and returns the submatch offsets the expression
// gave there, or nil.

// phrase walks a pattern through a text, one element at a time. Once an
// element fails, i is -1 and every later step fails too. With fold, words
// match in any case ((?i) on the sentence); without, the text is already
// lower case and words match as written.
type phrase struct {
	s      string
	i      int
	fold   bool
	groups int
	m      [10]int // the submatch: whole, then groups; on the stack until a match is made
}

func newPhrase(s string, p int, fold bool, groups int) phrase {
	ph := phrase{s: s, i: p, fold: fold, groups: groups}
	for k := range ph.m {
		ph.m[k] = -1
	}
	ph.m[0] = p
	return ph
}

func (ph *phrase) ok() bool { return ph.i >= 0 }

// at matches the word w where the phrase stands, and returns the offset
// after it, or -1; it does not move.
func (ph *phrase) at(w string) int {
	if ph.i < 0 {
		return -1
	}
	if ph.fold {
		return foldAt(ph.s, ph.i, w)
	}
	if strings.HasPrefix(ph.s[ph.i:], w) {
		return ph.i + len(w)
	}
	return -1
}

// word moves past the first of the words that stands there (one of
// `(?:w1|w2)`), and returns its index among them, or -1.
func (ph *phrase) word(ws ...string) int {
	for k, w := range ws {
		if e := ph.at(w); e >= 0 {
			ph.i = e
			return k
		}
	}
	ph.i = -1
	return -1
}

// optWord moves past the words (one of them) and the \s+ after them when
// both stand there: `(?:w\s+)?`.
func (ph *phrase) optWord(ws ...string) {
	for _, w := range ws {
		if e := ph.at(w); e >= 0 {
			if j := skipSpaceRE(ph.s, e); j > e {
				ph.i = j
			}
			return
		}
	}
}

// opt moves past w when it stands there: `(?:w)?`.
func (ph *phrase) opt(ws ...string) {
	for _, w := range ws {
		if e := ph.at(w); e >= 0 {
			ph.i = e
			return
		}
	}
}

// space moves past \s+.
func (ph *phrase) space() {
	if ph.i < 0 {
		return
	}
	if j := skipSpaceRE(ph.s, ph.i); j > ph.i {
		ph.i = j
		return
	}
	ph.i = -1
}

// oneOf moves past one byte of set: `[- ]`.
func (ph *phrase) oneOf(set string) {
	if ph.i < 0 || ph.i >= len(ph.s) || strings.IndexByte(set, ph.s[ph.i]) < 0 {
		ph.i = -1
		return
	}
	ph.i++
}

// boundary requires \b where the phrase stands.
func (ph *phrase) boundary() {
	if ph.i >= 0 && !boundaryAt(ph.s, ph.i) {
		ph.i = -1
	}
}

// plural moves past an optional "s" followed by \b: `s?\b`, the "s" taken
// when \b then holds.
func (ph *phrase) plural() {
	if ph.i < 0 {
		return
	}
	if e := ph.at("s"); e >= 0 && boundaryAt(ph.s, e) {
		ph.i = e
		return
	}
	ph.boundary()
}

// begin and end mark where group g of the submatch starts and ends.
func (ph *phrase) begin(g int) { ph.m[2*g] = ph.i }

func (ph *phrase) end(g int) { ph.m[2*g+1] = ph.i }

// year moves past a year in digits: `(?:19|20)\d\d`.
func (ph *phrase) year() {
	if ph.i < 0 || !isYearAt(ph.s, ph.i) {
		ph.i = -1
		return
	}
	ph.i += 4
}

// digits12 moves past one or two digits followed by no third: `\d{1,2}`
// where a digit after them would make the phrase fail.
func (ph *phrase) digits12() {
	if ph.i < 0 {
		return
	}
	d := digitsFrom(ph.s, ph.i)
	if d == ph.i || d-ph.i > 2 {
		ph.i = -1
		return
	}
	ph.i = d
}

// done returns the submatch, or nil when the phrase failed.
func (ph *phrase) done() []int {
	if ph.i < 0 {
		return nil
	}
	ph.m[1] = ph.i
	return append([]int(nil), ph.m[:2*(ph.groups+1)]...)
}

// isYearAt: a year 19xx or 20xx written in digits at s[i:].
func isYearAt(s string, i int) bool {
	return i+4 <= len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3])
}

var (
	monthWords   = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."}
	ordinalWords = []string{"first", "second", "third", "fourth"}
	countNames   = []string{"three", "six", "nine", "twelve"}
	earlierWords = []string{"prior", "previous", "last"}
)

// date reads a written date as three groups from g: month, day, year -
// `(january|...|dec\.)\s+(\d{1,2}),?\s+((?:19|20)\d\d)`.
func (ph *phrase) date(g int) {
	ph.begin(g)
	ph.word(monthWords...)
	ph.end(g)
	ph.space()
	ph.begin(g + 1)
	ph.digits12()
	ph.end(g + 1)
	ph.opt(",")
	ph.space()
	ph.begin(g + 2)
	ph.year()
	ph.end(g + 2)
}

// findAllPhrases is FindAllStringSubmatchIndex for a matcher: leftmost
// first, each match after the one before.
func findAllPhrases(s string, match func(s string, p int) []int) [][]int {
	var out [][]int
	for p := 0; p < len(s); p++ {
		if !boundaryAt(s, p) {
			continue
		}
		if m := match(s, p); m != nil {
			out = append(out, m)
			p = m[1] - 1
		}
	}
	return out
}

// The period patterns' matchers, on the ASCII-lower-cased sentence.

// "three months ended December 31, 1998", "6-month ended ..."
func matchMonthsEnded(s string, p int) []int {
	ph := newPhrase(s, p, false, 4)
	ph.begin(1)
	if ph.word(countNames...) < 0 {
		ph.i = p // `\d{1,2}`, the last of the counts
		ph.digits12()
	}
	ph.end(1)
	ph.oneOf("- ")
	ph.word("month")
	ph.opt("s")
	ph.space()
	ph.word("ended")
	ph.space()
	ph.date(2)
	return ph.done()
}

// "the fourth fiscal quarter ended June 30, 2003"
func matchQuarterEnded(s string, p int) []int {
	ph := newPhrase(s, p, false, 4)
	for _, w := range ordinalWords { // `(?:(first|...)\s+)?`
		if k := ph.at(w); k >= 0 {
			if j := skipSpaceRE(s, k); j > k {
				ph.m[2], ph.m[3], ph.i = p, k, j
			}
			break
		}
	}
	ph.optWord("fiscal")
	ph.word("quarter")
	ph.space()
	ph.word("ended")
	ph.space()
	ph.date(2)
	return ph.done()
}

// "the fiscal year ended March 31, 1999", "years ended December 31"
func matchYearEnded(s string, p int) []int {
	ph := newPhrase(s, p, false, 3)
	ph.optWord("fiscal")
	ph.word("year")
	ph.opt("s")
	ph.space()
	ph.word("ended")
	ph.space()
	ph.date(1)
	return ph.done()
}

// "at December 31, 1998", "as of June 30, 2003", "on May 1, 1997"
func matchAtDate(s string, p int) []int {
	ph := newPhrase(s, p, false, 3)
	switch ph.word("at", "as", "on") {
	case 1:
		ph.space()
		ph.word("of")
	}
	ph.space()
	ph.date(1)
	return ph.done()
}

// "the second quarter of fiscal (year) 2004"
func matchQuarterOfFiscal(s string, p int) []int {
	ph := newPhrase(s, p, false, 2)
	ph.begin(1)
	ph.word(ordinalWords...)
	ph.end(1)
	ph.space()
	ph.word("quarter")
	ph.space()
	ph.word("of")
	ph.space()
	ph.word("fiscal")
	ph.space()
	ph.optWord("year")
	ph.begin(2)
	ph.year()
	ph.end(2)
	return ph.done()
}

// "fiscal (year) 2004 second quarter"
func matchFiscalQuarter(s string, p int) []int {
	ph := newPhrase(s, p, false, 2)
	ph.word("fiscal")
	ph.space()
	ph.optWord("year")
	ph.begin(1)
	ph.year()
	ph.end(1)
	ph.space()
	ph.begin(2)
	ph.word(ordinalWords...)
	ph.end(2)
	ph.space()
	ph.word("quarter")
	return ph.done()
}

// "the third quarter of the prior (fiscal) year"
func matchQuarterOfPriorYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.begin(1)
	ph.word(ordinalWords...)
	ph.end(1)
	ph.space()
	ph.word("quarter")
	ph.space()
	ph.word("of")
	ph.space()
	ph.optWord("the")
	ph.word("last", "prior", "previous", "preceding")
	ph.space()
	ph.optWord("fiscal")
	ph.word("year")
	return ph.done()
}

// "the prior (fiscal) year's fourth quarter"
func matchPriorYearQuarter(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.word(earlierWords...)
	ph.space()
	ph.optWord("fiscal")
	ph.word("year")
	ph.opt("'s", "’s")
	ph.space()
	ph.begin(1)
	ph.word(ordinalWords...)
	ph.end(1)
	ph.space()
	ph.word("quarter")
	return ph.done()
}

// "the first six months of the prior (fiscal) year"
func matchFirstMonthsPrior(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.firstMonthsOf()
	ph.optWord("the")
	ph.word(earlierWords...)
	ph.space()
	ph.optWord("fiscal")
	ph.word("year")
	return ph.done()
}

// "the first nine months of (fiscal) (year) 1998"
func matchFirstMonthsOf(s string, p int) []int {
	ph := newPhrase(s, p, false, 2)
	ph.firstMonthsOf()
	ph.optWord("fiscal")
	ph.optWord("year")
	ph.begin(2)
	ph.year()
	ph.end(2)
	return ph.done()
}

// firstMonthsOf reads `first\s+(six|nine)\s+months\s+of\s+`, its count as
// group 1.
func (ph *phrase) firstMonthsOf() {
	ph.word("first")
	ph.space()
	ph.begin(1)
	ph.word("six", "nine")
	ph.end(1)
	ph.space()
	ph.word("months")
	ph.space()
	ph.word("of")
	ph.space()
}

// "the prior year", "last fiscal year" (relative: a year before the period
// named before it)
func matchPriorYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 0)
	ph.word(earlierWords...)
	ph.oneOf("- ")
	ph.optWord("fiscal")
	ph.word("year")
	ph.boundary()
	return ph.done()
}

// "the fourth quarter of 1998"
func matchQuarterOfYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 2)
	ph.begin(1)
	ph.word(ordinalWords...)
	ph.end(1)
	ph.space()
	ph.word("quarter")
	ph.space()
	ph.word("of")
	ph.space()
	ph.begin(2)
	ph.year()
	ph.end(2)
	return ph.done()
}

// "fiscal (year) 1998"
func matchFiscalYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.word("fiscal")
	ph.space()
	ph.optWord("year")
	ph.begin(1)
	ph.year()
	ph.end(1)
	ph.boundary()
	return ph.done()
}

// "for the (fiscal) year"
func matchForTheYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 0)
	ph.word("for")
	ph.space()
	ph.word("the")
	ph.space()
	ph.optWord("fiscal")
	ph.word("year")
	ph.boundary()
	return ph.done()
}

// "in 1998", "for 1997"
func matchInYear(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.word("in", "for")
	ph.space()
	ph.begin(1)
	ph.year()
	ph.end(1)
	ph.boundary()
	return ph.done()
}

// "the second quarter"
func matchQuarter(s string, p int) []int {
	ph := newPhrase(s, p, false, 1)
	ph.begin(1)
	ph.word(ordinalWords...)
	ph.end(1)
	ph.space()
	ph.word("quarter")
	ph.boundary()
	return ph.done()
}

// matchYearAgo names the same period a year before the one just named,
// in any case: "a year earlier", "the prior-year quarter", "year-ago
// periods", "the same quarter last year".
func matchYearAgo(s string, p int) []int {
	// The alternatives are called each by name, not from a slice of
	// functions: the phrase then stays on the stack.
	ph := newPhrase(s, p, true, 0)
	if yearEarlier(&ph); ph.ok() {
		return ph.done()
	}
	ph = newPhrase(s, p, true, 0)
	if priorYearPeriod(&ph); ph.ok() {
		return ph.done()
	}
	ph = newPhrase(s, p, true, 0)
	if yearAgoPeriod(&ph); ph.ok() {
		return ph.done()
	}
	ph = newPhrase(s, p, true, 0)
	if samePeriodLastYear(&ph); ph.ok() {
		return ph.done()
	}
	return nil
}

// "a year earlier", "one year ago"
func yearEarlier(ph *phrase) {
	ph.word("a", "one")
	ph.space()
	ph.word("year")
	ph.space()
	ph.word("earlier", "ago", "before")
	ph.boundary()
}

// "the prior-year quarter", "last year's period"
func priorYearPeriod(ph *phrase) {
	ph.optWord("the")
	ph.word(earlierWords...)
	ph.oneOf("- ")
	ph.word("year")
	ph.opt("'s", "’s")
	ph.space()
	ph.word("period", "quarter")
	ph.plural()
}

// "year-ago quarters"
func yearAgoPeriod(ph *phrase) {
	ph.word("year")
	ph.oneOf("- ")
	ph.word("ago")
	ph.space()
	ph.word("period", "quarter")
	ph.plural()
}

// "same period a year ago", "same quarter last year", "same period of
// the prior year"
func samePeriodLastYear(ph *phrase) {
	ph.word("same")
	ph.space()
	ph.word("period", "quarter")
	ph.space()
	switch ph.word("a", "last", "of", "in") {
	case 0:
		ph.space()
		ph.word("year")
		ph.space()
		ph.word("ago")
	case 1:
		ph.space()
		ph.word("year")
	case 2, 3:
		ph.space()
		ph.word("the")
		ph.space()
		ph.word("prior", "previous")
		ph.space()
		ph.word("year")
	}
	ph.boundary()
}

// matchSameOfYear: "the same period of 1998", "the same quarter in 1997",
// in any case; the year is group 1.
func matchSameOfYear(s string, p int) []int {
	ph := newPhrase(s, p, true, 1)
	ph.word("same")
	ph.space()
	ph.word("period", "quarter", "months")
	ph.space()
	ph.word("of", "in")
	ph.space()
	ph.begin(1)
	ph.year()
	ph.end(1)
	ph.boundary()
	return ph.done()
}

// matchMonthPeriod: "the nine month period", "the six-months period", in
// any case; the count is group 1.
func matchMonthPeriod(s string, p int) []int {
	ph := newPhrase(s, p, true, 1)
	ph.begin(1)
	ph.word(countNames...)
	ph.end(1)
	ph.oneOf("- ")
	ph.word("month")
	ph.opt("s")
	ph.space()
	ph.word("period")
	ph.boundary()
	return ph.done()
}

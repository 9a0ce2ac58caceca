package extract

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"finexport/extract/grid"
	"finexport/extract/htmlgrid"
	"finexport/extract/textgrid"

	"github.com/shopspring/decimal"
)

// The regular expressions the prose reader's scanners (scan.go) replaced,
// kept as references: each scanner must match exactly where its
// expression does, on every sentence of the corpus and on fuzzed text.
var (
	refOrBefore       = regexp.MustCompile(`(?i)\bor\s*$`)
	refOfAfter        = regexp.MustCompile(`(?i)^\s+of\s+`)
	refChangeWord     = regexp.MustCompile(`(?i)\b(increased|decreased|increase|decrease|up|down|rose|fell|grew|declined|improved)\s*(?:by|of)?\s*$`)
	refChangeNext     = regexp.MustCompile(`(?i)^\s+(increase|decrease|improvement|decline|rise|drop|higher|lower)\b`)
	refDownWord       = regexp.MustCompile(`(?i)decrease|down|fell|declined|decline|drop|lower`)
	refBoundary       = regexp.MustCompile(`(?i)\b(compared|versus|vs|from|over|against)\b`)
	refComparedTo     = regexp.MustCompile(`(?i)\b(compared\s+(?:to|with)|versus|vs\.?|from)\s+(?:an?\s+|the\s+)?$`)
	refQualifierAfter = regexp.MustCompile(`(?i)^\W*(?:\S+\s+){0,5}?(generated|product\s+line|segment|division)\b`)
	refMoney          = regexp.MustCompile(`(?i)\$\s?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(\s+(?:million|billion|thousand)\b)?`)
	refCents          = regexp.MustCompile(`(?i)\b(\d{1,3})(\.\d+)?\s+cents?\b`)
	refPercent        = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?)\s?(%|percent\b)`)
	refShareNum       = regexp.MustCompile(`(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion)\b)?\s+shares\b`)
	refPerShare       = regexp.MustCompile(`(?i)^\s+(?:per|a)\s+((?:[a-z]+\s+){0,4}?)share\b(\s*\((?:basic|diluted|primary|fully\s+diluted)\))?`)
	scanSeeds         = []string{"", " ", "or", " or ", "Sales, or ", "increased by ", "up ſ", "decreaſed of", "rose  ", "a bor ", " increase", " decreases", "  of  x", " of", "\tof\t", " Of the", "as compared to the ", "compared\twith an ", "vs. a ", "VS ", "from  ", "revenues vſ", "versus", "cash over", ", (net) generated", " ſegment", " the product  line", "a b c d e segment", "a b c d e f segment", "((--division)", "product line\u212a", "declinE", "LOWER",
		"$8.3 million", "$ 2,500,000", "$.03", "$", "$ ", "$1,2345", "$1234,567.8 thousands", "$12 Thouſand", "$5 billion", "$(1.2) million",
		"31 cents a share", "1234 cents", "12.5 centſ", "5 centsx", "5 cent", "1.5 cents", "2.5.3%", "6 %", "6  %", "12 percentage", "7 PERCENT",
		"2,500,000 shares", "1.2 million shares", "1,234.5 shares", "12,34 shares", "3 billion  ſhares", "10 shares", "1,000 million shares",
		" per share", " a share", " per diluted share", " per basic and diluted common share", " per share (diluted)", " per share  (fully  diluted)",
		" a \u212aey share", " per a b c d share", " per a b c d e share", " PER SHARE (Primary)", " per share (other)", " per shares", "EXCLUDİNG items", "Excluding ", "excludinG", "ÉXCLUDING x",
		"Amounts are in millions.", "IN THOUSANDS", "in Millions", "in  millions", "xin billionsx", "IN billions"}
	corpusProseOnce  sync.Once
	corpusProseLines [][]line
)

// corpusProse lists the prose of every document of the corpus: of a text
// document all its lines (tables too), of an HTML document its
// paragraphs. Nil when the corpus is absent.
func corpusProse(t *testing.T) [][]line {
	var names []string
	for _, kind := range []string{"text", "html"} {
		names = append(names, corpusFilesIfAny(t, kind)...)
	}
	corpusProseOnce.Do(func() {
		for _, name := range names {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			lines, _, err := textgrid.Decode(raw)
			if err != nil {
				continue
			}
			for _, d := range splitSubmission(lines).docs {
				prose := d.Lines
				if looksLikeHTML(d) {
					_, p := htmlgrid.Read(d.Lines, func(int, string) {})
					prose = paragraphs(p)
				}
				corpusProseLines = append(corpusProseLines, prose)
			}
		}
	})
	return corpusProseLines
}

// corpusSentences lists every sentence of the corpus's prose, cut by the
// reference splitter.
func corpusSentences(t *testing.T) []string {
	var out []string
	for _, prose := range corpusProse(t) {
		for _, s := range refSentences(prose) {
			out = append(out, s.Text)
		}
	}
	return out
}

// refSentences is the sentence splitter as it was before it folded each
// line's spaces into one reused buffer: the reference the new one must
// equal, sentence for sentence.
func refSentences(prose []line) []sentence {
	var out []sentence
	var text strings.Builder
	var starts []lineStart
	para, page := 0, 0
	var scale decimal.Decimal
	top := true // only headings so far on this page
	flush := func() {
		if text.Len() > 0 {
			p := sentence{Text: text.String(), lines: starts, Para: para, Page: page}
			p.Heading = len(starts) == 1 && isHeading(p.Text)
			if top {
				// A scale note counts in the page's heading block, where
				// it heads the page; one further down heads a table.
				p.Scale = scale
			}
			top = top && p.Heading
			out = append(out, refSplitSentences(p)...)
			para++
		}
		text.Reset()
		starts = nil
		scale = decimal.Zero
	}
	for _, l := range prose {
		t := grid.FoldSpaces(l.Text)
		if t == "" || isPageBreak(t) {
			flush()
			if t != "" {
				page, top = page+1, true
			}
			continue
		}
		if len(starts) == 1 && capsHeading(text.String()) && strings.IndexFunc(t, unicode.IsLower) >= 0 {
			flush() // "AMERICAS" over "Net sales in the Americas ...": a heading of its own
		}
		if sc := proseScale(t); !sc.IsZero() {
			scale = sc
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		starts = append(starts, lineStart{Off: text.Len(), N: l.N})
		text.WriteString(t)
	}
	flush()
	return out
}

// refSplitSentences cuts a paragraph into sentences, carrying each line's
// offset along so that every figure keeps its line.
func refSplitSentences(p sentence) []sentence {
	var out []sentence
	start, li := 0, 0
	cut := func(end int) {
		lead := start
		for lead < end && p.Text[lead] == ' ' {
			lead++
		}
		if lead < end {
			for li+1 < len(p.lines) && p.lines[li+1].Off <= lead {
				li++
			}
			s := sentence{Text: p.Text[lead:end], lines: []lineStart{{Off: 0, N: p.lines[li].N}}, Para: p.Para, Heading: p.Heading, Scale: p.Scale, Page: p.Page}
			for j := li + 1; j < len(p.lines) && p.lines[j].Off < end; j++ {
				s.lines = append(s.lines, lineStart{Off: p.lines[j].Off - lead, N: p.lines[j].N})
			}
			out = append(out, s)
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

// amountEdges lists where amounts may start and end in a sentence: before
// a digit or '$' that opens a word, after a digit or '%' that ends one.
func amountEdges(s string) (starts, ends []int) {
	for i := 1; i < len(s); i++ {
		if s[i-1] == ' ' && (isDigit(s[i]) || s[i] == '$') {
			starts = append(starts, i)
		}
		if s[i] == ' ' && (isDigit(s[i-1]) || s[i-1] == '%' || isLetter(s[i-1])) {
			ends = append(ends, i)
		}
	}
	return starts, ends
}

// checkScanners compares every scanner with its expression on the texts
// a sentence gives them: its text before each amount, after each, and
// itself.
func checkScanners(t *testing.T, s string) {
	t.Helper()
	same := func(name, in string, got, want bool) {
		if got != want {
			t.Fatalf("%s(%q) = %v, the expression says %v", name, in, got, want)
		}
	}
	before := func(in string) {
		same("orBefore", in, orBefore(in), refOrBefore.MatchString(in))
		same("changeWordBefore", in, changeWordBefore(in), refChangeWord.MatchString(in))
		same("comparedBefore", in, comparedBefore(in), refComparedTo.MatchString(in))
	}
	after := func(in string) {
		loc := refOfAfter.FindStringIndex(in)
		if got := ofAfter(in); loc == nil && got != -1 || loc != nil && got != loc[1] {
			t.Fatalf("ofAfter(%q) = %d, the expression says %v", in, got, loc)
		}
		same("changeNext", in, changeNext(in), refChangeNext.MatchString(in))
		same("qualifierAfter", in, qualifierAfter(in), refQualifierAfter.MatchString(in))
	}
	anywhere := func(in string) {
		same("downWord", in, downWord(in), refDownWord.MatchString(in))
		same("hasBoundaryWord", in, hasBoundaryWord(in), refBoundary.MatchString(in))
	}
	before(s)
	after(s)
	anywhere(s)
	starts, ends := amountEdges(s)
	for _, i := range starts {
		before(tail(s[:i], 60))
		before(tail(s[:i], 40))
		anywhere(lastWords(s[:i], 2))
		anywhere(s[max(0, i-40):i])
	}
	for _, i := range ends {
		after(s[i:min(len(s), i+80)])
		anywhere(firstWords(s[i:], 2))
	}
}

// checkAmountScanners compares the amount scanners with their
// expressions on a sentence, and the per-share reader after each of its
// spaces.
func checkAmountScanners(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		find func(string) []submatch
		re   *regexp.Regexp
	}{{"moneyMatches", moneyMatches, refMoney}, {"centsMatches", centsMatches, refCents},
		{"percentMatches", percentMatches, refPercent}, {"shareMatches", shareMatches, refShareNum}} {
		got, want := c.find(s), c.re.FindAllStringSubmatchIndex(s, -1)
		if !sameSubmatches(got, want) {
			t.Fatalf("%s(%q) = %v, the expression says %v", c.name, s, got, want)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		words, paren, ok := perShareAfter(s[i:])
		want := refPerShare.FindStringSubmatch(s[i:])
		if ok != (want != nil) || ok && (words != want[1] || paren != want[2]) {
			t.Fatalf("perShareAfter(%q) = %q, %q, %v; the expression says %q", s[i:], words, paren, ok, want)
		}
	}
}

// checkCases compares the sentence's lower-casings with what they
// replaced: strings.ToLower, and a byte-for-byte copy with ASCII letters
// lowered.
func checkCases(t *testing.T, s string) {
	t.Helper()
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	u := []byte(s)
	for i, c := range u {
		if c >= 'a' && c <= 'z' {
			u[i] = c - 'a' + 'A'
		}
	}
	lower, alow := lowerCases(s)
	if lower != strings.ToLower(s) || alow != string(b) {
		t.Fatalf("lowerCases(%q) = %q, %q", s, lower, alow)
	}
	if got := asciiUpper(s); got != string(u) {
		t.Fatalf("asciiUpper(%q) = %q, want %q", s, got, u)
	}
	if got, want := countFields(s, 9), min(len(strings.Fields(s)), 9); got != want {
		t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
	}
	if got, want := hasScaleWords(s), containsAny(s, []string{"in thousands", "in millions", "in billions", "IN THOUSANDS", "IN MILLIONS", "IN BILLIONS"}); got != want {
		t.Fatalf("hasScaleWords(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasPrefixLower(s, "excluding "), strings.HasPrefix(strings.ToLower(s), "excluding "); got != want {
		t.Fatalf("hasPrefixLower(%q) = %v, want %v", s, got, want)
	}
}

func sameSubmatches(got []submatch, want [][]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, w := range want {
		for j := range got[k] {
			if j < len(w) && got[k][j] != w[j] || j >= len(w) && got[k][j] != -1 {
				return false
			}
		}
	}
	return true
}

func TestScannersMatchExpressions(t *testing.T) {
	for _, s := range scanSeeds {
		for _, x := range []string{s, strings.ToUpper(s), "At " + s + " in 1998"} {
			checkScanners(t, x)
			checkAmountScanners(t, x)
			checkCases(t, x)
		}
	}
}

func TestScannersMatchExpressionsOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	ss := corpusSentences(t)
	if len(ss) == 0 {
		t.Skip("no corpus") // corpusFilesIfAny fails the test when the corpus is required
	}
	for _, s := range ss {
		checkScanners(t, s)
		checkAmountScanners(t, s)
		checkCases(t, s)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return // a sentence's length; the checks are quadratic
		}
		checkScanners(t, s)
		checkAmountScanners(t, s)
		checkCases(t, s)
	})
}

// TestSentencesMatchReference: the sentence splitter cuts the corpus's
// prose, and fuzzed lines, exactly as the reference does.
func TestSentencesMatchReference(t *testing.T) {
	for _, s := range scanSeeds {
		checkSentences(t, []string{s, "  " + s + "\t x. Y", "NET SALES", s})
	}
	checkSentences(t, []string{"Net\u00a0sales\u2003rose.\u0085", "\v(in millions)\v", "", "<page> 3", "INCOME", "Net income fell."})
	checkSentences(t, []string{"AMERICAS", "Net sales in the Americas rose.  U.S. sales fell! Dr. H. Coelho: \"Up.\" \xff\xfe end"})
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	docs := corpusProse(t)
	if len(docs) == 0 {
		t.Skip("no corpus") // corpusFilesIfAny fails the test when the corpus is required
	}
	for _, prose := range docs {
		if got, want := sentences(prose), refSentences(prose); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentences differ from the reference on %q...", prose[0].Text)
		}
	}
}

func checkSentences(t *testing.T, texts []string) {
	t.Helper()
	prose := make([]line, len(texts))
	for i, x := range texts {
		prose[i] = line{Text: x, N: i + 1}
	}
	if got, want := sentences(prose), refSentences(prose); !reflect.DeepEqual(got, want) {
		t.Fatalf("sentences(%q) = %+v, the reference says %+v", texts, got, want)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("MATERIALS & CONTROLS\nNet sales rose.  Mr. H. Coelho said\t\"fine.\" (in millions)\n\n<PAGE> 2\n(in thousands of dollars)\nU.S. sales were $5.")
	f.Add("AMERICAS\nNet sales in the Americas\u00a0were  up.\u2003\n\u0085")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkSentences(t, strings.Split(s, "\n"))
	})
}

// refExhibitMarker is exhibitMarker before it refused, unread, a line
// that cannot open with "EX".
func refExhibitMarker(s string) bool {
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

func checkExhibitMarker(t *testing.T, s string) {
	t.Helper()
	if got, want := exhibitMarker(s), refExhibitMarker(s); got != want {
		t.Fatalf("exhibitMarker(%q) = %v, the reference says %v", s, got, want)
	}
}

func TestExhibitMarkerMatchesReference(t *testing.T) {
	for _, s := range []string{"EXHIBIT 99.1", "  exhibit-99", "Ex-20", "\u00a0EX-99.1", "\tEXHIBIT 20 ", "EXHIBITS 99", "E", "", " ", "X-99", "EX-10.1"} {
		checkExhibitMarker(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	for _, prose := range corpusProse(t) {
		for _, l := range prose {
			checkExhibitMarker(t, l.Text)
		}
	}
}

func FuzzExhibitMarker(f *testing.F) {
	f.Add("  Exhibit-99.1")
	f.Add("\u2003EX-20")
	f.Fuzz(checkExhibitMarker)
}

// periodMatchers pairs each period pattern's matcher with its expression.
func periodMatchers() []struct {
	name  string
	match func(string, int) []int
	re    *regexp.Regexp
	fold  bool // run on the sentence as written, not lower-cased
} {
	type pm = struct {
		name  string
		match func(string, int) []int
		re    *regexp.Regexp
		fold  bool
	}
	out := []pm{{"yearAgo", matchYearAgo, refReYearAgo, true}, {"sameOfYear", matchSameOfYear, refReSameOfYear, true},
		{"monthPeriod", matchMonthPeriod, refReMonthPeriod, true}}
	for i, p := range periodPatterns {
		out = append(out, pm{fmt.Sprint("periodPatterns[", i, "]"), p.match, refLowPatterns[i], false})
	}
	return out
}

// proseCalendars are the calendars period phrases are resolved on in the
// tests: a December year end, and a June one with 52/53-week ends.
var proseCalendars = []proseCalendar{
	{cal: Calendar{YearEnd: date(2000, time.December, 31)}, fy: 1998},
	{cal: Calendar{YearEnd: date(2000, time.June, 30), Ends: map[int]time.Time{2003: date(2003, time.June, 28), 2004: date(2004, time.June, 26)}}, fy: 2004},
}

// checkPeriods compares each period matcher with its expression over the
// whole of s (whose lower-cased copy the period patterns run on), and
// findPeriods with the reference that ran the expressions.
func checkPeriods(t *testing.T, s string) {
	t.Helper()
	lower, alow := lowerCases(s)
	for _, pm := range periodMatchers() {
		in := alow
		if pm.fold {
			in = s
		}
		got, want := findAllPhrases(in, pm.match), pm.re.FindAllStringSubmatchIndex(in, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on %q: %v, the expression says %v", pm.name, in, got, want)
		}
	}
	for _, c := range proseCalendars {
		got, want := findPeriods(s, lower, alow, c), refFindPeriods(s, lower, alow, c)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("findPeriods(%q) = %+v, the reference says %+v", s, got, want)
		}
	}
}

var periodSeeds = []string{
	"Net sales for the three months ended December 31, 1998 rose; for the twelve-months ended Sept. 30, 2003 and 2002 they fell.",
	"In the fourth fiscal quarter ended June 30, 2003, and the first quarter ended Mar. 31, 2004, revenue grew 5%.",
	"For the fiscal years ended March 31, 1999, 1998 and 1997, net income was $1, $2 and $3 million; at December 31, 1998 and December 31, 1997, cash was $4 million.",
	"As of June 30, 2003 and on May 1, 1997 the Company had cash of $5 million; the second quarter of fiscal year 2004 and fiscal 2004 third quarter.",
	"The third quarter of the prior fiscal year, the prior year's fourth quarter, last fiscal year's first quarter, the first six months of the previous fiscal year.",
	"The first nine months of fiscal year 1998, the prior year, the last-fiscal year, the fourth quarter of 1998, fiscal 1998, for the fiscal year, in 1998, for 1997, the second quarter.",
	"A year earlier, one year ago, the prior-year quarter, year-ago periods, the same quarter last year, the same period of the previous year, the same period a year ago.",
	"The same period of 1998, the same months in 1997, the nine month period, the six-months period, the twelve month-period, at Sep. 30, 1999, on Jun. 1, 2000, as of Dec. 31 2001.",
	"THE PRIOR-YEAR QUARTERſ, the same periodſ x, Last Year’s Period, the 123-month ended December 31, 1998, the 12-month ended june 301, 1998.",
	"the Kelvin \u212a quarter, first  quarter  ended  january  1 ,  1999, quarterended, fiscal 19999 first quarter, in 1998x, for the yearly.",
}

func TestPeriodMatchersMatchExpressions(t *testing.T) {
	for _, s := range append(append([]string{}, periodSeeds...), scanSeeds...) {
		checkPeriods(t, s)
		checkPeriods(t, strings.ToUpper(s))
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	ss := corpusSentences(t)
	if len(ss) == 0 {
		t.Skip("no corpus") // corpusFilesIfAny fails the test when the corpus is required
	}
	for _, s := range ss {
		checkPeriods(t, s)
	}
}

func FuzzPeriodMatchers(f *testing.F) {
	for _, s := range periodSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return
		}
		checkPeriods(t, s)
	})
}

// checkWordStarts: the word-start filter of findItems never refuses a
// phrase that phraseAt finds, so findItems finds what it found when every
// phrase was searched for.
func checkWordStarts(t *testing.T, s string) {
	t.Helper()
	_, alow := lowerCases(s)
	starts := wordStartsOf(alow)
	for _, p := range defaultSet().ProsePhrases() {
		if p.Lower != nil && !starts.may(p.FirstWord) && phraseAt(p.Lower, alow, p.FirstWord) != nil {
			t.Fatalf("the word-start filter refuses %q in %q", p.FirstWord, s)
		}
	}
}

func TestWordStartsNeverRefuseAPhrase(t *testing.T) {
	for _, s := range []string{"Net income rose.", "(net) revenues", "xnet sales", "_cash", "Cash", "Revenues: $5", "", "n"} {
		checkWordStarts(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	for _, s := range corpusSentences(t) {
		if strings.ContainsAny(s, "$%") { // the sentences findItems reads hold a figure
			checkWordStarts(t, s)
		}
	}
}

func FuzzWordStarts(f *testing.F) {
	f.Add("Net income for the quarter was $4.1 million; net revenues rose.")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return
		}
		checkWordStarts(t, s)
	})
}

// checkNumbers: readNumber reads every figure the amount scanners find in
// s as it did when it parsed each with decimal.NewFromString.
func checkNumbers(t *testing.T, s string) {
	t.Helper()
	var ms []submatch
	for _, find := range []func(string) []submatch{moneyMatches, centsMatches, percentMatches, shareMatches} {
		ms = append(ms, find(s)...)
	}
	for _, m := range ms {
		digits, frac := s[m[2]:m[3]], sub(s, m[:], 4)
		if frac == "" || frac[0] != '.' {
			digits, frac = splitFraction(digits)
		}
		got, _ := readNumber(digits, frac, "")
		want, _ := decimal.NewFromString("0" + strings.ReplaceAll(digits, ",", "") + frac)
		if got.String() != want.String() || got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("readNumber(%q, %q) = %v (%v e%d), NewFromString says %v (%v e%d)", digits, frac, got, got.Coefficient(), got.Exponent(), want, want.Coefficient(), want.Exponent())
		}
	}
}

func TestReadNumberMatchesNewFromString(t *testing.T) {
	for _, s := range append([]string{"$999,999,999,999,999,999.99", "$1234567890123456789", "$.5", "$0.00", "12.500%", "$00,001"}, scanSeeds...) {
		checkNumbers(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	for _, s := range corpusSentences(t) {
		checkNumbers(t, s)
	}
}

func FuzzReadNumber(f *testing.F) {
	f.Add("$1,234.5 and 7.25% of 99,999,999,999,999,999 shares")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return
		}
		checkNumbers(t, s)
	})
}

// refContextLabel is contextLabel as it always built its label.
func refContextLabel(s string, a amount) string {
	words := strings.Fields(tail(s[:a.Start], 80))
	label := strings.Join(words[max(0, len(words)-6):], " ")
	return strings.TrimSpace(label + " " + a.Text)
}

func checkContextLabels(t *testing.T, s string) {
	t.Helper()
	for _, a := range findAmounts(s) {
		if got, want := contextLabel(s, a), refContextLabel(s, a); got != want {
			t.Fatalf("contextLabel(%q, %q) = %q, the reference says %q", s, a.Text, got, want)
		}
	}
}

func TestContextLabelMatchesReference(t *testing.T) {
	for _, s := range append([]string{"$5", " $5", "a $5", "Net income of the quarter for the company was up to $5 million.", "x  $5", "(net loss) ($5)", "one two three four five six seven eight $9", "\u00a0$5 and\t$6"}, scanSeeds...) {
		checkContextLabels(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	for _, s := range corpusSentences(t) {
		checkContextLabels(t, s)
	}
}

func FuzzContextLabel(f *testing.F) {
	f.Add("Net income for the quarter was $4.1 million, or $.31 a share, up 6%.")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return
		}
		checkContextLabels(t, s)
	})
}

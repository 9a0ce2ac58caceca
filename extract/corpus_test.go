package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The real EDGAR corpus lives in ../shared/corpus beside the repository,
// never inside it. These tests skip when it is absent (a user's clone) and
// fail instead when FINEXPORT_REQUIRE_CORPUS=1 (CI).
const corpusDir = "../../shared/corpus"

func corpusFiles(t testing.TB, sub string) []string {
	t.Helper()
	files := corpusFilesIfAny(t, sub)
	if len(files) == 0 {
		t.Skipf("no corpus under %s", filepath.Join(corpusDir, sub))
	}
	return files
}

// corpusFilesIfAny is corpusFiles for a test that has cases of its own to
// run without the corpus: none, rather than a skip, when it is absent.
func corpusFilesIfAny(t testing.TB, sub string) []string {
	t.Helper()
	var files []string
	all, _ := filepath.Glob(filepath.Join(corpusDir, sub, "*"))
	for _, f := range all {
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			files = append(files, f) // a folder someone left there is no filing
		}
	}
	if len(files) == 0 && os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
		t.Fatalf("no corpus under %s (FINEXPORT_REQUIRE_CORPUS=1)", filepath.Join(corpusDir, sub))
	}
	sort.Strings(files)
	return files
}

// expectCell is one hand-typed figure of the corpus.
type expectCell struct {
	line   int
	label  string
	kind   Statement
	period string // "" for a column that must get no period
	months int
	unit   Unit
	value  decimal.Decimal
}

type expectFiling struct {
	scope string // full, headline or none
	meta  map[string]string
	cells []expectCell
}

// readExpected reads a .figures file of testdata/corpus/expected (format in
// testdata/corpus/README.md).
func readExpected(path string) (expectFiling, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return expectFiling{}, err
	}
	w := expectFiling{meta: map[string]string{}}
	var kind Statement
	var cols []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		fields := strings.Fields(text)
		bad := func(msg string) error { return fmt.Errorf("%s:%d: %s", path, n, msg) }
		switch {
		case text == "":
		case fields[0] == "file":
		case fields[0] == "scope" && len(fields) == 2:
			w.scope = fields[1]
		case fields[0] == "meta":
			k, v, _ := strings.Cut(strings.TrimPrefix(text, "meta "), "=")
			w.meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
		case fields[0] == "statement" && len(fields) >= 2:
			kind, cols = Statement(fields[1]), nil
		case fields[0] == "columns":
			cols = fields[1:]
		default:
			f := strings.Split(text, "|")
			if len(f) != 4 {
				return w, bad("want LINE | Label | UNIT | VALUES")
			}
			line, err := strconv.Atoi(strings.TrimSpace(f[0]))
			if err != nil {
				return w, bad("bad line number")
			}
			values := strings.Fields(f[3])
			if len(values) != len(cols) {
				return w, bad(fmt.Sprintf("%d values for %d columns", len(values), len(cols)))
			}
			for i, v := range values {
				if v == "-" && cols[i] != "-" {
					continue
				}
				c := expectCell{line: line, label: strings.TrimSpace(f[1]), kind: kind, unit: Unit(strings.TrimSpace(f[2]))}
				if v != "-" {
					if c.value, err = decimal.NewFromString(v); err != nil {
						return w, bad("bad value " + v)
					}
				}
				if cols[i] != "-" {
					if c.period, c.months, err = expectPeriod(cols[i]); err != nil {
						return w, bad(err.Error())
					}
				}
				if v != "-" || cols[i] != "-" {
					w.cells = append(w.cells, c)
				}
			}
		}
	}
	return w, nil
}

// expectPeriod reads "3m:1998-03-28" (a duration) or "@1998-03-28".
func expectPeriod(s string) (string, int, error) {
	if d, ok := strings.CutPrefix(s, "@"); ok {
		_, err := time.Parse(isoDate, d)
		return d, 0, err
	}
	m, d, ok := strings.Cut(s, "m:")
	months, err := strconv.Atoi(m)
	if !ok || err != nil {
		return "", 0, fmt.Errorf("bad period %q", s)
	}
	_, err = time.Parse(isoDate, d)
	return d, months, err
}

// score compares a filing's facts with the hand-typed cells: right, wrong
// (a figure at that line with the right value under another period, unit
// or statement, or another value under the right period) and missing (no
// figure, or the figure without a period).
type score struct {
	right, wrong, missing int
	misses                []string
	absent                []string // statements with no figure with a period
	extra                 []string // statements read in a filing typed as having none
	company               string   // "got (want)" when the company differs
}

func scoreFiling(f *Filing, want expectFiling) score {
	// A figure is found at its own line and, in HTML where a row's cells
	// stand on lines of their own, at the line of its row's label.
	byLine := map[int][]Fact{}
	for _, x := range f.Facts {
		if x.Table < 0 {
			continue
		}
		byLine[x.Source.Line] = append(byLine[x.Source.Line], x)
		if rows := f.Tables[x.Table].Rows; x.Row >= 0 && x.Row < len(rows) {
			if l := rows[x.Row].Line; l != x.Source.Line {
				byLine[l] = append(byLine[l], x)
			}
		}
	}
	var s score
	for _, c := range want.cells {
		verdict := judgeCell(byLine[c.line], c)
		switch verdict {
		case "right":
			s.right++
			continue
		case "wrong":
			s.wrong++
		default:
			s.missing++
		}
		p := "no period"
		if c.period != "" {
			p = fmt.Sprintf("%dm:%s", c.months, c.period)
		}
		s.misses = append(s.misses, fmt.Sprintf("%s line %d %q %s %s %s: %s", c.kind, c.line, c.label, p, c.value, c.unit, verdict+describeFacts(byLine[c.line])))
	}
	return s
}

func periodMatches(p Period, c expectCell) bool {
	if c.period == "" {
		return p.IsZero()
	}
	return !p.IsZero() && p.End.Format(isoDate) == c.period && p.Months == c.months
}

func judgeCell(facts []Fact, c expectCell) string {
	samePeriod := false
	for _, x := range facts {
		if c.period == "" {
			// A figure of a column that is no period's must get none; on a
			// line that holds a whole table (HTML), only its own row counts.
			if x.Value.Equal(c.value) && !x.Period.IsZero() && !isChangeFact(x) && sameRowLabel(x.Label, c.label) {
				return "wrong"
			}
			continue
		}
		if periodMatches(x.Period, c) {
			if x.Value.Equal(c.value) && x.Unit == c.unit && x.Statement == c.kind {
				return "right"
			}
			samePeriod = true
		}
	}
	if c.period == "" {
		return "right"
	}
	for _, x := range facts {
		if x.Value.Equal(c.value) && !x.Period.IsZero() {
			return "wrong" // a figure without a period is missing, not wrong
		}
	}
	if samePeriod {
		return "wrong"
	}
	return "missing"
}

func isChangeFact(x Fact) bool { return x.Unit == Percent }

// sameRowLabel: a fact's label is the typed one, give or take case,
// spacing and footnote marks; a bracketed description matches any label.
func sameRowLabel(got, typed string) bool {
	if strings.HasPrefix(typed, "[") {
		return true
	}
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return strings.HasPrefix(norm(got), norm(typed)) || strings.HasPrefix(norm(typed), norm(got))
}

func describeFacts(facts []Fact) string {
	if len(facts) == 0 {
		return ""
	}
	var parts []string
	for _, x := range facts {
		parts = append(parts, fmt.Sprintf("%s %s %s %s", x.Statement, x.Period, x.Value, x.Unit))
	}
	if len(parts) > 4 {
		parts = append(parts[:4], "...")
	}
	return " (have " + strings.Join(parts, "; ") + ")"
}

// corpusSummary is one line of the per-filing summary golden file.
func corpusSummary(name string, f *Filing, err error, sc *score) string {
	if err != nil {
		return fmt.Sprintf("%s: error: %v", name, strings.TrimPrefix(err.Error(), name+": "))
	}
	kinds := map[Statement]int{}
	for _, t := range f.Tables {
		kinds[t.Kind]++
	}
	withPeriod := 0
	for _, x := range f.Facts {
		if !x.Period.IsZero() {
			withPeriod++
		}
	}
	pass, fail := 0, 0
	for _, c := range f.Checks {
		switch c.Status {
		case Pass:
			pass++
		case Fail:
			fail++
		}
	}
	line := fmt.Sprintf("%s: tables income=%d balance=%d cashflow=%d other=%d; facts %d, with period %d; checks pass %d fail %d",
		name, kinds[Income], kinds[Balance], kinds[CashFlow], kinds[Other], len(f.Facts), withPeriod, pass, fail)
	if sc != nil {
		line += fmt.Sprintf("; expected right %d wrong %d missing %d", sc.right, sc.wrong, sc.missing)
		if len(sc.absent) > 0 {
			line += "; no " + strings.Join(sc.absent, ", ") + " with periods"
		}
		if len(sc.extra) > 0 {
			line += "; reads " + strings.Join(sc.extra, ", ") + " in a filing typed as having no statements"
		}
		if sc.company != "" {
			line += "; company " + sc.company
		}
	}
	return line
}

// statementsRead lists the statements with figures with periods.
func statementsRead(f *Filing) []string {
	seen := map[Statement]bool{}
	var out []string
	for _, x := range f.Facts {
		if x.Table >= 0 && !x.Period.IsZero() && x.Statement != Other && !seen[x.Statement] {
			seen[x.Statement] = true
			out = append(out, string(x.Statement))
		}
	}
	sort.Strings(out)
	return out
}

// absentStatements lists the statements the hand-typed figures have and
// the filing's facts lack (with periods).
func absentStatements(f *Filing, want expectFiling) []string {
	has := map[Statement]bool{}
	for _, x := range f.Facts {
		if x.Table >= 0 && !x.Period.IsZero() {
			has[x.Statement] = true
		}
	}
	seen := map[Statement]bool{}
	var out []string
	for _, c := range want.cells {
		if c.period != "" && !has[c.kind] && !seen[c.kind] {
			seen[c.kind] = true
			out = append(out, string(c.kind))
		}
	}
	sort.Strings(out)
	return out
}

// TestCorpusText reads every plain-text corpus filing, compares it with the
// hand-typed figures, and holds the per-filing summary to its golden file.
// FINEXPORT_CORPUS_DETAIL=name logs every expected figure not read right.
func TestCorpusText(t *testing.T) { corpusRun(t, "text") }

// TestCorpusHTML does the same for the HTML exhibits and submissions.
func TestCorpusHTML(t *testing.T) { corpusRun(t, "html") }

func corpusRun(t *testing.T, sub string) {
	files := corpusFiles(t, sub)
	var summary []string
	totals := score{}
	for _, path := range files {
		name := filepath.Base(path)
		f, err := parseCorpus(path)
		var sc *score
		want, werr := readExpected(filepath.Join("../testdata/corpus/expected", sub, name+".figures"))
		switch {
		case werr == nil && err == nil:
			s := scoreFiling(f, want)
			s.absent = absentStatements(f, want)
			if want.scope == "none" {
				s.extra = statementsRead(f)
			}
			if w := want.meta["company"]; w != "" && !sameCompany(f.Company, withoutStateSuffix(w)) {
				s.company = fmt.Sprintf("%q (want %q)", f.Company, w)
			}
			sc = &s
			totals.right += s.right
			totals.wrong += s.wrong
			totals.missing += s.missing
			if d := os.Getenv("FINEXPORT_CORPUS_DETAIL"); d != "" && strings.Contains(name, d) {
				for _, m := range s.misses {
					t.Logf("%s: %s", name, m)
				}
			}
		case werr != nil: // every corpus filing has its hand-typed figures
			t.Error(werr)
		}
		summary = append(summary, corpusSummary(name, f, err, sc))
	}
	summary = append(summary, fmt.Sprintf("TOTAL expected right %d wrong %d missing %d", totals.right, totals.wrong, totals.missing))
	compareGolden(t, "../testdata/corpus/summary-"+sub+".golden", []byte(strings.Join(summary, "\n")+"\n"))
}

func parseCorpus(path string) (*Filing, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return (&Parser{}).Parse(fh, filepath.Base(path))
}

// compareGolden holds got to the golden file, rewriting it under -update.
func compareGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run Corpus -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("summary differs from %s; run with -update and review the diff:\n%s", golden, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the lines of want and got that differ, by position.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "- %s\n+ %s\n", a, c)
		}
	}
	return b.String()
}

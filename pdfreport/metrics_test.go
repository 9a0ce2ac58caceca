package pdfreport

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"
)

func companyOf(t *testing.T, path string, set *templates.Set, edit func(string) string) *model.Company {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		raw = []byte(edit(string(raw)))
	}
	f, err := (&extract.Parser{Templates: set}).Parse(bytes.NewReader(raw), "release.txt")
	if err != nil {
		t.Fatal(err)
	}
	return model.Build([]*extract.Filing{f}, model.Options{Templates: set})[0]
}

// pageLines is the text of the PDF's pages, a line at a time.
func pageLines(t *testing.T, c *model.Company) []string {
	t.Helper()
	return strings.Split(tool(t, render(t, c, Options{}), "pdftotext", "-layout"), "\n")
}

func lineWith(lines []string, parts ...string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return containsInOrder(l, parts) })
}

// Issue 12 point 2: Acme's quarterly net income went from (93,000) to
// 436,000: up 529,000, and the % change is "n/m", not +568.8%.
func TestSignFlipIsNotMeaningful(t *testing.T) {
	lines := pageLines(t, companyOf(t, "../testdata/variants/acme_dec_thousands_crlf_cp1252.txt", nil, nil))
	if !lineWith(lines, "Net income (loss)", "436", "(93)", "529", "n/m") { // in USD thousands
		t.Errorf("no net income line with n/m:\n%s", strings.Join(lines, "\n"))
	}
	if lineWith(lines, "568.8%") {
		t.Error("a % change across a sign flip is shown")
	}
}

// Issue 12 point 8: with a cash-flow statement the runway is on operating
// cash burn, 3,000,000 / 400,000 = 7.5 quarters, and its label says so; a
// cash-generating quarter shows n/m and says it is not burning cash.
func TestRunwayBasisAndNotBurning(t *testing.T) {
	const release = "../testdata/cashflow/beta_q1_cash_burn.txt"
	lines := pageLines(t, companyOf(t, release, nil, nil))
	if !lineWith(lines, "Runway on operating cash burn (quarters)", "7.5") || lineWith(lines, "Runway on net loss") {
		t.Errorf("runway on cash burn missing:\n%s", strings.Join(lines, "\n"))
	}
	generating := strings.NewReplacer(
		"Net cash used in operating activities (400,000)", "Net cash from operating activities      100,000 ",
		"Net decrease in cash                  (400,000)", "Net increase in cash                    100,000 ",
	).Replace
	lines = pageLines(t, companyOf(t, release, nil, generating))
	if !lineWith(lines, "Runway on operating cash burn (quarters)", "n/m") || !lineWith(lines, "not burning cash") {
		t.Errorf("a cash-generating quarter's runway:\n%s", strings.Join(lines, "\n"))
	}
}

// The templates are editable: a set without gross_margin, the runways or
// any other optional metric renders, without their rows.
func TestWriteWithoutOptionalMetrics(t *testing.T) {
	files := fstest.MapFS{}
	for _, name := range []string{templates.ItemsFile, templates.SynonymsFile, templates.ChecksFile, templates.MetricsFile} {
		data, err := fs.ReadFile(templates.DefaultFS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if name == templates.MetricsFile {
			var keep []string
			for _, line := range strings.Split(string(data), "\n") {
				group := strings.Split(line, "|")
				if len(group) < 2 || strings.TrimSpace(group[1]) == "change" {
					keep = append(keep, line)
				}
			}
			data = []byte(strings.Join(keep, "\n"))
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	set, err := templates.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	lines := pageLines(t, companyOf(t, "../testdata/filings/000_bb2e246abcbfccf3.txt", set, nil))
	if !lineWith(lines, "Revenue", "2,500", "2,350", "150", "6.4%") || lineWith(lines, "Gross margin") { // in USD thousands
		t.Errorf("summary without optional metrics:\n%s", strings.Join(lines, "\n"))
	}
}

// An internal failure is an error naming the company, not a crash.
func TestWriteRecoversNamingTheCompany(t *testing.T) {
	err := Write(&bytes.Buffer{}, &model.Company{Name: "Broken Co."}, Options{})
	if err == nil || !strings.Contains(err.Error(), "Broken Co.") {
		t.Errorf("error %v, want one naming Broken Co.", err)
	}
}

package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
)

func runT(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func abs(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(rel)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The embedded samples are the bundled filings, byte for byte.
func TestEmbeddedSamplesMatchTestdata(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/filings/*.txt")
	if len(files) != 3 {
		t.Fatalf("%d filings in testdata, want 3", len(files))
	}
	for _, f := range files {
		want, _ := os.ReadFile(f)
		got, err := samples.ReadFile("samples/" + filepath.Base(f))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: embedded copy differs from testdata (%v)", filepath.Base(f), err)
		}
	}
}

func TestNoArgumentsRunsTheSamples(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errs := runT(t)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Read the 3 bundled sample releases", "Wrote out/facts.csv", "Wrote out/ThermoGenesis Corp.xlsx",
		"Wrote out/ThermoGenesis Corp.pdf", "ThermoGenesis Corp.: 3 releases", "0 failed", "No warnings.",
		"002_841493e996f58f0e.txt: note: no statements in this release; its 5 figures are kept as facts and events",
		"periods: Q2 FY2004, H1 FY2004, Q1 FY2004, Q4 FY2003, FY2003, Q3 FY2003, Q2 FY2003, H1 FY2003, Q1 FY2003, Q4 FY2002, FY2002",
		"balance sheets: 2002-06-30, 2003-06-30, 2003-12-31"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	raw, err := os.ReadFile("out/facts.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Both statement samples hold 10 income rows x 4 columns (two of them
	// combined basic/diluted rows, so 12 items) and 14 balance rows x 2.
	tableFacts := 0
	for _, r := range recs[1:] {
		if r[2] != "narrative" {
			tableFacts++
		}
	}
	if want := 2 * (12*4 + 14*2); tableFacts != want {
		t.Errorf("%d table facts, want %d", tableFacts, want)
	}
	if left, _ := filepath.Glob("out/.*"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestFactsOnAFolder(t *testing.T) {
	code, out, errs := runT(t, "facts", abs(t, "../../testdata/filings"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	first, _, _ := strings.Cut(out, "\r\n")
	if first != "document,company,statement,item,label,period_start,period_end,months,value,unit,line" {
		t.Errorf("header %q", first)
	}
	if !strings.Contains(out, "000_bb2e246abcbfccf3.txt,ThermoGenesis Corp.,income,revenue,Net revenues,2003-10-01,2003-12-31,3,2500000,USD,102\r\n") {
		t.Error("the Q2 FY2004 revenue row is missing")
	}
	if !strings.Contains(out, ",balance,total_assets,Total assets,,2003-12-31,,14659000,USD,152\r\n") {
		t.Error("the unlabelled total assets row is missing")
	}
}

func TestCheckExitCodes(t *testing.T) {
	code, out, _ := runT(t, "check", abs(t, "../../testdata/filings"))
	if code != 0 || !strings.Contains(out, "ThermoGenesis Corp.: PASS") || !strings.Contains(out, "000_bb2e246abcbfccf3.txt:102") {
		t.Errorf("check on the samples: exit %d\n%s", code, out)
	}
	raw, _ := os.ReadFile("../../testdata/filings/000_bb2e246abcbfccf3.txt")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, bytes.Replace(raw, []byte("1,698,000"), []byte("1,798,000"), 1), 0o644)
	code, out, _ = runT(t, "check", bad)
	if code != 1 || !strings.Contains(out, "ThermoGenesis Corp.: FAIL") || !strings.Contains(out, "FAIL tie-out     Gross profit") || !strings.Contains(out, "bad.txt:104") {
		t.Errorf("check on a failing tie-out: exit %d\n%s", code, out)
	}
}

// A release where nothing could be checked does not pass: check says no
// check ran. A check that could not run is listed with its reason.
func TestCheckSaysNoCheckRan(t *testing.T) {
	code, out, _ := runT(t, "check", abs(t, "../../testdata/filings/002_841493e996f58f0e.txt"))
	if code != 0 || !strings.Contains(out, "ThermoGenesis Corp.: NO CHECK RAN") || !strings.Contains(out, "no check ran") ||
		strings.Contains(out, "PASS") || strings.Contains(out, "passed") {
		t.Errorf("check on a release without statements: exit %d\n%s", code, out)
	}
	_, out, _ = runT(t, "check", abs(t, "../../testdata/variants/sunrise_52week_q1.txt"))
	if !strings.Contains(out, "not run tie-out     Operating income (loss)") || !strings.Contains(out, "not reported here: operating_expenses") ||
		!strings.Contains(out, "4 not run") {
		t.Errorf("check does not list the checks that could not run:\n%s", out)
	}
}

// A file that is no release is the same input error as a folder without
// releases: no workbook for an "Unknown company".
func TestBuildRefusesANonRelease(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.md")
	os.WriteFile(notes, []byte("# Notes\n\nRevenue was up.\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, errs := runT(t, "build", "-o", out, notes)
	if code != 2 || !strings.Contains(errs, "notes.md: not a release") {
		t.Errorf("build notes.md: exit %d, stderr %q", code, errs)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("build notes.md wrote %v", entries)
	}
}

func TestUsageAndInputErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"facts", "/no/such/file.txt"}, 2, "/no/such/file.txt: no such file or folder"},
		{[]string{"check"}, 2, "name at least one FILE or DIR"},
		{[]string{"facts", empty}, 2, "folder holds no releases"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"facts", "--fiscal-year-end", "13-45", empty}, 2, "want MM-DD"},
		{[]string{"facts", "--templates", "/no/such/dir", empty}, 2, "/no/such/dir: no such file or folder"},
		{[]string{"facts", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"build", "-o", "", "/no/such/file.txt"}, 2, "-o names no folder"},
	}
	for _, tt := range tests {
		code, _, errs := runT(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.err) {
			t.Errorf("%v: exit %d stderr %q, want %d and %q", tt.args, code, errs, tt.code, tt.err)
		}
	}
	// A readable release is still processed next to a missing one.
	code, out, errs := runT(t, "facts", "/no/such.txt", abs(t, "../../testdata/filings/000_bb2e246abcbfccf3.txt"))
	if code != 2 || !strings.Contains(out, "Net revenues") || !strings.Contains(errs, "/no/such.txt") {
		t.Errorf("partial input: exit %d", code)
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := runT(t, "--help"); code != 0 || !strings.Contains(out, "finexport facts FILE|DIR") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, out, _ := runT(t, "--version"); code != 0 || !strings.HasPrefix(out, "finexport ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if code, _, errs := runT(t, "check", "--help"); code != 0 || !strings.Contains(errs, "-fiscal-year-end MM-DD") {
		t.Errorf("check --help: %d %q", code, errs)
	}
}

func TestEditedTemplates(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"items.txt", "synonyms.txt", "checks.txt", "metrics.txt"} {
		data, _ := os.ReadFile("../../templates/defaults/" + name)
		if name == "synonyms.txt" {
			data = append(data, []byte("\nBioArchive revenues = nope\n")...)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	code, _, errs := runT(t, "facts", "--templates", dir, abs(t, "../../testdata/filings"))
	if code != 2 || !strings.Contains(errs, filepath.Join(dir, "synonyms.txt")+":") || !strings.Contains(errs, `unknown item "nope"`) {
		t.Errorf("bad template: exit %d %q", code, errs)
	}
}

func TestTemplatesRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "defs")
	if code, out, errs := runT(t, "templates", dir); code != 0 || !strings.Contains(out, "checks.txt") {
		t.Fatalf("templates: %d %q", code, errs)
	}
	// The written definitions work as they are...
	if code, _, errs := runT(t, "check", "--templates", dir, abs(t, "../../testdata/filings")); code != 0 {
		t.Errorf("check with written templates: %d %q", code, errs)
	}
	// ...an edit takes effect: a synonym removed leaves its row unmapped...
	syn, _ := os.ReadFile(filepath.Join(dir, "synonyms.txt"))
	os.WriteFile(filepath.Join(dir, "synonyms.txt"), bytes.Replace(syn, []byte("Net revenues = revenue\n"), nil, 1), 0o644)
	_, out, _ := runT(t, "facts", "--templates", dir, abs(t, "../../testdata/filings/000_bb2e246abcbfccf3.txt"))
	if !strings.Contains(out, "income,,Net revenues,2003-10-01") {
		t.Error("with the synonym removed, Net revenues should stay unmapped under its label")
	}
	// ...and nothing is overwritten.
	if code, _, errs := runT(t, "templates", dir); code != 2 || !strings.Contains(errs, "not overwritten") {
		t.Errorf("second templates run: %d %q", code, errs)
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{"-1223000": "-1,223,000", "802000": "802,000", "0.0303": "0.0303",
		"1038700000": "1,038,700,000", "-0.5": "-0.5", "100": "100", "1000": "1,000"} {
		if got := model.Grouped(decimal.RequireFromString(in)); got != want {
			t.Errorf("group(%s) = %s, want %s", in, got, want)
		}
	}
}

// Releases of two companies are grouped, each with its own status.
func TestCheckGroupsByCompany(t *testing.T) {
	code, out, _ := runT(t, "check", abs(t, "../../testdata/filings"), abs(t, "../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt"))
	a, t1 := strings.Index(out, "Acme Widgets, Inc.: PASS"), strings.Index(out, "ThermoGenesis Corp.: PASS")
	if code != 0 || a < 0 || t1 < a {
		t.Errorf("exit %d; want Acme then ThermoGenesis, both passing:\n%s", code, out[:min(len(out), 400)])
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"ThermoGenesis Corp.":    "ThermoGenesis Corp",
		"Acme Widgets, Inc.":     "Acme Widgets Inc",
		"../../etc/passwd":       "etc passwd",
		"A/B\\C:D*E?":            "A B C D E",
		"Evil\x00Co\nLtd":        "Evil Co Ltd",
		"...":                    "company",
		"":                       "company",
		"Johnson & Johnson":      "Johnson & Johnson",
		strings.Repeat("x", 300): strings.Repeat("x", 100),
		"Société Générale S.A.":  "Société Générale S.A",
		"CON":                    "CON company",
		"aux.txt":                "aux.txt company",
		strings.Repeat("é", 60):  strings.Repeat("é", 50),
	} {
		got := safeFileName(in)
		if got != want || strings.ContainsAny(got, "/\\") || strings.HasPrefix(got, ".") {
			t.Errorf("safeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBuildWritesOneWorkbookPerCompany(t *testing.T) {
	out := filepath.Join(t.TempDir(), "books")
	code, stdout, errs := runT(t, "build", "-o", out, abs(t, "../../testdata/filings"), abs(t, "../../testdata/variants"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := []string{"Acme Widgets Inc.pdf", "Acme Widgets Inc.xlsx", "Brightwater Foods Corp.pdf", "Brightwater Foods Corp.xlsx",
		"Sunrise Outdoor Co.pdf", "Sunrise Outdoor Co.xlsx", "ThermoGenesis Corp.pdf", "ThermoGenesis Corp.xlsx"}
	entries, _ := os.ReadDir(out)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
		if info, _ := e.Info(); info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v", e.Name(), info.Mode().Perm())
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if !strings.Contains(stdout, filepath.Join(out, "ThermoGenesis Corp.xlsx")) {
		t.Errorf("stdout %q", stdout)
	}
}

// An output folder that cannot be written is an error, and leaves nothing.
func TestBuildIntoUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes anywhere: make the "folder" a file instead.
		blocker := filepath.Join(t.TempDir(), "file")
		os.WriteFile(blocker, nil, 0o644)
		code, _, errs := runT(t, "build", "-o", blocker, abs(t, "../../testdata/filings"))
		if code != 2 || errs == "" {
			t.Errorf("exit %d %q", code, errs)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	code, _, _ := runT(t, "build", "-o", dir, abs(t, "../../testdata/filings"))
	if entries, _ := os.ReadDir(dir); code != 2 || len(entries) != 0 {
		t.Errorf("exit %d, left %d files", code, len(entries))
	}
}

// Escape sequences and other control characters from a filing never reach
// the terminal: stderr and the human output drop them.
func TestPrintableDropsControls(t *testing.T) {
	var b bytes.Buffer
	fmt.Fprint(printable{&b}, "Evil\x1b[2J Corp\x07\u009b Inc.\tok\r\n")
	if got := b.String(); got != "Evil[2J Corp Inc.\tok\r\n" {
		t.Errorf("printed %q", got)
	}
}

// Companies whose names make the same file name, whatever the case
// ("A+B", "AB", "ab"), each get their own files: a file this run wrote
// is never written again.
func TestClashingNamesNeverOverwrite(t *testing.T) {
	f, err := (&extract.Parser{}).Parse(strings.NewReader("Acme Widgets Inc. announced a dividend of $0.10 a share.\n"), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{out: t.TempDir()}
	var got []string
	for _, name := range []string{"A+B", "AB", "ab", "AB-2"} {
		c := model.BuildOne([]*extract.Filing{f}, model.Options{})
		c.Name = name
		r := &companyRun{c: c}
		b.render(r)
		written, err := b.commit(r)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(written[0]))
	}
	if strings.Join(got, ",") != "AB.xlsx,AB-2.xlsx,ab-3.xlsx,AB-2-2.xlsx" {
		t.Errorf("files %v", got)
	}
}

// One company that cannot be written (a folder stands where its workbook
// goes) stops no other: the next is written, and the run exits non-zero.
func TestOneCompanyFailingStopsNoOther(t *testing.T) {
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "Acme Widgets Inc.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runT(t, "build", "-quiet", "-o", out,
		abs(t, "../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt"),
		abs(t, "../../testdata/variants/brightwater_submission_52week_millions.txt"))
	if code == 0 || !strings.Contains(errs, "Acme Widgets Inc.xlsx") {
		t.Errorf("exit %d, stderr %q: want non-zero and the failed file named", code, errs)
	}
	for _, name := range []string{"Brightwater Foods Corp.xlsx", "Brightwater Foods Corp.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written after the first company failed: %v", name, err)
		}
	}
}

// build reads each file twice; a file deleted or replaced between the
// passes is reported and left out, and the run exits non-zero.
func TestFilesThatChangeBetweenPasses(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(dir string) error
		want   string
	}{
		{"deleted", func(dir string) error { return os.Remove(filepath.Join(dir, "b.txt")) }, "b.txt"},
		{"replaced", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Other Co. announced a dividend of $0.10 a share.\n"), 0o644)
		}, "b.txt: changed while it was being read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range map[string]string{"a.txt": "000_bb2e246abcbfccf3.txt", "b.txt": "001_0a551a66bcd04f48.txt"} {
				raw, err := os.ReadFile("../../testdata/filings/" + src)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), raw, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			afterFirstPass = func() {
				if err := tt.change(dir); err != nil {
					t.Error(err)
				}
			}
			defer func() { afterFirstPass = func() {} }()
			code, _, errs := runT(t, "build", "-quiet", "-o", t.TempDir(), dir)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q: want non-zero and %q", code, errs, tt.want)
			}
		})
	}
}

// Companies are built on all cores, and handed on in order: the files,
// their bytes and every message are the same with one worker or several.
func TestBuildSameOnAnyNumberOfCores(t *testing.T) {
	defer func(n int) { companyWorkers = n }(companyWorkers)
	inputs := []string{abs(t, "../../testdata/filings"), abs(t, "../../testdata/variants")}
	run := func(workers int) (string, string, map[string][]byte) {
		companyWorkers = workers
		out := t.TempDir()
		code, stdout, stderr := runT(t, append([]string{"build", "-o", out}, inputs...)...)
		if code != 0 {
			t.Fatalf("%d workers: exit %d: %s", workers, code, stderr)
		}
		files := map[string][]byte{}
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(out, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = data
		}
		return strings.ReplaceAll(stdout, out, "OUT"), stderr, files
	}
	out1, err1, files1 := run(1)
	out4, err4, files4 := run(4)
	if out1 != out4 || err1 != err4 {
		t.Errorf("messages differ:\none worker:\n%s%s\nfour:\n%s%s", out1, err1, out4, err4)
	}
	if len(files1) != 8 { // 4 companies: the samples' and three variants'
		t.Errorf("%d files written, want 8", len(files1))
	}
	for name, data := range files1 {
		if !bytes.Equal(data, files4[name]) {
			t.Errorf("%s differs between one worker and four", name)
		}
	}
	// check goes company by company the same way.
	var checks []string
	for _, workers := range []int{1, 4} {
		companyWorkers = workers
		_, stdout, stderr := runT(t, append([]string{"check"}, inputs...)...)
		checks = append(checks, stdout+stderr)
	}
	if checks[0] != checks[1] || strings.Count(checks[0], " passed, ") != 4 {
		t.Errorf("check differs between one worker and four, or lists fewer than 4 companies:\n%s\n---\n%s", checks[0], checks[1])
	}
}

// --version reports the module version and the VCS revision of the build.
func TestVersionText(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "4f2c9e1d"}}
	for _, c := range []struct {
		override string
		info     *debug.BuildInfo
		want     string
	}{
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: rev}, "finexport v1.4.0 (revision 4f2c9e1d)"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"})},
			"finexport (devel) (revision 4f2c9e1d, modified)"},
		{"v2.0.0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "finexport v2.0.0"},
		{"", nil, "finexport (devel)"},
	} {
		if got := versionText(c.override, c.info); got != c.want {
			t.Errorf("versionText(%q, %+v) = %q, want %q", c.override, c.info, got, c.want)
		}
	}
	for _, flag := range []string{"--version", "-version"} {
		if code, out, _ := runT(t, flag); code != 0 || !strings.HasPrefix(out, "finexport ") || strings.Contains(out, "dev\n") {
			t.Errorf("%s: %d %q", flag, code, out)
		}
	}
}

// The code, the usage text and the README name the same extensions.
func TestReadExtensionsAgree(t *testing.T) {
	want := []string{".txt", ".nc", ".htm", ".html"}
	for _, ext := range want {
		if !isReleaseName("a" + strings.ToUpper(ext)) {
			t.Errorf("a%s is not read", ext)
		}
	}
	if isReleaseName("a.pdf") || len(releaseExtensions) != len(want) {
		t.Errorf("read extensions %v, want %v", releaseExtensions, want)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sentence := regexp.MustCompile(`Folders are read recursively \(([^)]*)\)`)
	for name, text := range map[string]string{"usage": usage, "README": string(readme)} {
		m := sentence.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("%s does not say which files folders give", name)
			continue
		}
		got := regexp.MustCompile(`\.[a-z]+`).FindAllString(m[1], -1)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s names %v, want %v", name, got, want)
		}
	}
}

// The README asks for the Go version go.mod requires.
func TestREADMEGoVersion(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	readme, _ := os.ReadFile("../../README.md")
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod names no Go version")
	}
	if want := "Go " + string(m[1]) + " or later"; !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q", want)
	}
}

// go.mod marks a module "// indirect" only when no package of ours
// imports it: a direct dependency so marked hides what the code relies on.
func TestGoModMarksDirectDependencies(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]bool{} // module path -> marked indirect
	for _, m := range regexp.MustCompile(`(?m)^\s*(?:require\s+)?([a-z0-9.\-]+\.[a-z]+/\S+) v\S+( // indirect)?$`).FindAllStringSubmatch(string(mod), -1) {
		required[m[1]] = m[2] != ""
	}
	imported := map[string]bool{}
	err = filepath.WalkDir("../..", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			for m := range required {
				if path == m || strings.HasPrefix(path, m+"/") {
					imported[m] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"github.com/xuri/excelize/v2", "github.com/go-pdf/fpdf", "github.com/shopspring/decimal"} {
		if !imported[m] {
			t.Errorf("%s: not found among the imports", m)
		}
	}
	for m, indirect := range required {
		if imported[m] && indirect {
			t.Errorf("go.mod marks %s indirect; the code imports it", m)
		}
	}
}

// A fiscal year end the releases contradict is a warning; with --strict,
// an error (exit 1), for build and check alike. One they agree with is
// neither.
func TestContradictedYearEndWarnsAndFailsStrict(t *testing.T) {
	filings := abs(t, "../../testdata/filings")
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"check", "-fiscal-year-end", "12-31", filings}, 0},
		{[]string{"check", "-strict", "-fiscal-year-end", "12-31", filings}, 1},
		{[]string{"build", "-o", t.TempDir(), "-fiscal-year-end", "12-31", filings}, 0},
		{[]string{"build", "-strict", "-o", t.TempDir(), "-fiscal-year-end", "12-31", filings}, 1},
		{[]string{"build", "-strict", "-o", t.TempDir(), "-fiscal-year-end", "06-30", filings}, 0},
	} {
		code, _, errs := runT(t, tt.args...)
		contradicted := tt.args[len(tt.args)-2] == "12-31"
		if code != tt.code || strings.Contains(errs, "fiscal year ends June 30; the year end given (12-31) contradicts it") != contradicted {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", tt.args, code, tt.code, errs)
		}
		if strict := tt.args[1] == "-strict"; strict && contradicted && !strings.Contains(errs, "--strict: --fiscal-year-end 12-31 contradicts 2 release(s)") {
			t.Errorf("%v: no strict error:\n%s", tt.args, errs)
		}
	}
}

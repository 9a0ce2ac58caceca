package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every real filing of the corpus (../shared/corpus, beside the repository)
// goes through facts, check and build as a user would run them: no panic,
// no internal error, an exit code of 0 or 1 (1: a check failed), and a
// workbook and a PDF written. Skipped when the corpus is absent, unless
// FINEXPORT_REQUIRE_CORPUS=1 (CI).
func TestCorpusThroughEveryCommand(t *testing.T) {
	text, _ := filepath.Glob("../../../shared/corpus/text/*.txt")
	html, _ := filepath.Glob("../../../shared/corpus/html/*")
	if len(text) == 0 || len(html) == 0 {
		if os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
			t.Fatal("no corpus under ../../../shared/corpus/{text,html} (FINEXPORT_REQUIRE_CORPUS=1)")
		}
		t.Skip("no corpus beside the repository")
	}
	files := append(text, html...)
	bin := buildBinary(t)
	for _, f := range files {
		path := abs(t, f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			for _, cmd := range []string{"facts", "check"} {
				r := runBinary(t, bin, t.TempDir(), cmd, path)
				assertHealthy(t, cmd, r)
			}
			out := t.TempDir()
			r := runBinary(t, bin, t.TempDir(), "build", "-o", out, path)
			assertHealthy(t, "build", r)
			for _, ext := range []string{".xlsx", ".pdf"} {
				matches, _ := filepath.Glob(filepath.Join(out, "*"+ext))
				if len(matches) != 1 {
					t.Errorf("build wrote %d %s files", len(matches), ext)
				}
			}
		})
	}
}

func assertHealthy(t *testing.T, cmd string, r result) {
	t.Helper()
	if r.code != 0 && r.code != 1 || strings.Contains(r.stderr, "internal error") || strings.Contains(r.stderr, "panic") {
		t.Errorf("%s: exit %d\n%s", cmd, r.code, lastLines(r.stderr, 5))
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

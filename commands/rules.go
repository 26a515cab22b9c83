package commands

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/termtable"
	"github.com/docket-forum/docket/internal/validate"
)

func newRulesCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the validation rules, or explain one",
		ArgsUsage: "[RULE]",
		Description: "Examples:\n" +
			"  docket rules\n" +
			"  docket rules person-overlap",
		Action: func(c *cli.Context) error {
			return runRules(s, c.Args().First())
		},
	}
}

func runRules(s *streams, name string) error {
	if name != "" {
		r, err := lookupRule(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "%s (%s): %s\n\n%s\n", r.Name, r.Severity, r.Summary, termtable.WrapText(s.word(r.Doc), 78))
		return nil
	}
	width := 0
	for _, r := range validate.Rules {
		width = max(width, len(r.Name))
	}
	for _, r := range validate.Rules {
		if _, err := fmt.Fprintf(s.out, "%-*s  %-8s %s\n", width, r.Name, r.Severity, r.Summary); err != nil {
			return &outputError{err}
		}
	}
	return nil
}

// lookupRule finds a rule by name, or says which one was meant.
func lookupRule(name string) (*validate.Rule, error) {
	if r := validate.Lookup(name); r != nil {
		return r, nil
	}
	names := make([]string, len(validate.Rules))
	for i, r := range validate.Rules {
		names[i] = r.Name
	}
	if sug := suggest(name, names); sug != "" {
		return nil, usageErrorf("unknown rule %q: did you mean %q? (see docket rules)", name, sug)
	}
	return nil, usageErrorf("unknown rule %q (see docket rules)", name)
}

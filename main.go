// Command docket reads, checks, prints and exports conference programmes
// from organizer spreadsheets. See README.md.
package main

import (
	"os"

	"github.com/docket-forum/docket/commands"
)

func main() { os.Exit(commands.Run()) }

// The build failed for the processor's reasons, not for a broken setup: each declaration
// mistake is reported with its id and exact message at its own file, line and column (as Maven
// prints them). This project has no Error Prone: the processor alone finds all of them.
def log = new File(basedir, 'build.log').text

def expected = [
  'Both.java:[9,24] [ConduitConflictingDirections] @SendOnly and @ReceiveOnly on the parameter \'ch\' of relay(Channel<String>): a channel is send-only, receive-only or both, so keep at most one',
  'Stage.java:[9,49] [ConduitDirectionOnNonChannel] @SendOnly on the parameter \'label\' of consume(Channel<String>, String), which is String: only channel types (Channel, generated channels and their ends, the BlockingQueue family) have a direction',
  'Shop.java:[7,16] [ConduitDirectionContradictsType] @SendOnly on the parameter \'orders\' of publish(OrderChannel.ReceiveEnd), but OrderChannel.ReceiveEnd can only receive',
  'Handlers.java:[8,24] [ConduitRequiresContext] the first parameter of handle(String) is a String, but @RequiresContext on Handlers needs a Context there (Go\'s ctx context.Context comes first)',
  'Stage.java:[14,41] [ConduitOverrideDirection] parameter \'in\' is bidirectional but @ReceiveOnly in Stage.consume(Channel<String>, String), which consume(Channel<String>, String) overrides: callers pass it a @ReceiveOnly channel',
  'Box.java:[7,19] [ConduitInvalidElementType] @GenerateChannel needs a type without type parameters: a generated channel carries one element type, so annotate a concrete type (for example a record holding the generic value) instead of Box<T>',
  'Counter.java:[6,48] [ConduitUnsupportedPrimitive] @GenerateChannel(primitives = ...) takes int.class, long.class and double.class, not float.class (a reference type gets its channel from @GenerateChannel on it)',
  'Gauge.java:[6,34] [ConduitDuplicatePrimitiveChannel] com.example.broken.IntChannel is already generated for com.example.broken.Counter: request each primitive channel once per package',
  'Ticket.java:[6,1] [ConduitWriteFailed] could not write com.example.broken.TicketChannel: Attempt to recreate a file for type com.example.broken.TicketChannel',
]

// Maven prints a diagnostic differently when javac runs in a process of its own, as it always
// does under a toolchain (here: when Maven itself runs on a Java older than 21): 'error: ' before
// the message, the column counted from 0 (read off javac's caret line), and no column at all where
// javac printed no caret. Such a line is brought to the in-process form; one without a column is
// matched on file, line and message.
def normalise = { String line ->
  def m = line =~ /^([^:\[]+\.java):\[(\d+)(?:,(\d+))?\] (error: )?(.*)$/
  if (!m) return line
  def (file, row, col, forked, message) = m[0][1..5]
  if (forked && col != null) col = (col as int) + 1
  (col == null ? "${file}:[${row}] ${message}" : "${file}:[${row},${col}] ${message}").toString()
}
def withoutColumn = { String line -> line.replaceFirst(/^([^:\[]+\.java):\[(\d+),\d+\]/, '$1:[$2]') }

def prefix = '/src/main/java/com/example/broken/'
def reported = log.readLines()
    .findAll { it.startsWith('[ERROR] ') && it.contains(prefix) }
    .collect { normalise(it.substring(it.indexOf(prefix) + prefix.length())) }
    .toSet()

def missing = expected.findAll { !reported.contains(it) && !reported.contains(withoutColumn(it)) }
def unexpected = reported.findAll { !expected.contains(it) && !expected.collect(withoutColumn).contains(it) }
assert missing.isEmpty() : "errors missing or worded differently:\n${missing.join('\n')}\n\nreported:\n${reported.join('\n')}"
assert unexpected.isEmpty() : "unexpected errors:\n${unexpected.join('\n')}"
assert !log.contains('Xplugin:ErrorProne') && !log.contains('error_prone') : 'this project must not use Error Prone'

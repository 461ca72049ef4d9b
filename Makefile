# planc — see README.md.  `make` builds planc; `make check` runs every test.
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_XOPEN_SOURCE=700 -Icompiler -Iruntime -Ibuild
FLEX    ?= flex
BISON   ?= bison
BUILD   ?= build

COMPILER_SRC := $(wildcard compiler/*.c)
RUNTIME_SRC  := $(wildcard runtime/*.c)
GEN_SRC      := $(BUILD)/parser.c $(BUILD)/lexer.c
OBJ := $(COMPILER_SRC:compiler/%.c=$(BUILD)/compiler/%.o) $(GEN_SRC:.c=.o)
RT_OBJ := $(RUNTIME_SRC:runtime/%.c=$(BUILD)/runtime/%.o)

.PHONY: all check run clean deps check-sanitize
all: planc

planc: $(OBJ) $(BUILD)/libplanrt.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(BUILD)/libplanrt.a -lm

$(BUILD)/libplanrt.a: $(RT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $(RT_OBJ)

$(BUILD)/parser.c $(BUILD)/parser.h: grammar/parser.y
	@mkdir -p $(BUILD)
	$(BISON) -Wall -Werror --defines=$(BUILD)/parser.h -o $(BUILD)/parser.c $<

$(BUILD)/lexer.c $(BUILD)/lexer.h: grammar/lexer.l $(BUILD)/parser.h
	@mkdir -p $(BUILD)
	$(FLEX) --header-file=$(BUILD)/lexer.h -o $(BUILD)/lexer.c $<

# generated code is not held to -Wextra's unused-function checks it cannot satisfy
$(BUILD)/lexer.o: $(BUILD)/lexer.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -std=c11 -Wall -Werror -Wno-unused-function -c -o $@ $<
$(BUILD)/parser.o: $(BUILD)/parser.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -std=c11 -Wall -Wextra -Werror -c -o $@ $<

$(BUILD)/compiler/%.o: compiler/%.c $(BUILD)/parser.h $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

$(BUILD)/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d) $(RT_OBJ:.o=.d)

clean:
	rm -rf $(BUILD) build-* planc

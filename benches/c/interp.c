// A bytecode interpreter: a switch over 20 opcodes (clang emits a br_table) running a small
// stack-machine program, a loop of arithmetic, locals and branches, n times.
enum { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, XOR, SHL, SHR, DUP, SWAP, DROP, LT, JZ, JMP, INC, ROTL, MIX, HALT };

static const unsigned char prog[] = {
  PUSH, 0, STORE, 0,            // i = 0
  PUSH, 7, STORE, 1,            // h = 7
  // loop (at 8):
  LOAD, 0, PUSH, 200, LT, JZ, 43,
  LOAD, 1, PUSH, 31, MUL, LOAD, 0, XOR, STORE, 1,
  LOAD, 1, PUSH, 5, SHR, LOAD, 1, ROTL, MIX, STORE, 1,
  INC, 0, JMP, 8, HALT, HALT, HALT,
  LOAD, 1, HALT,                // at 43
};

static unsigned exec(unsigned seed) {
  unsigned stack[16], locals[4] = {0, 0, 0, 0};
  int sp = 0, pc = 0;
  stack[0] = seed;
  for (;;) {
    unsigned char op = prog[pc++];
    switch (op) {
      case PUSH: stack[++sp] = prog[pc++]; break;
      case LOAD: stack[++sp] = locals[prog[pc++]]; break;
      case STORE: locals[prog[pc++]] = stack[sp--]; break;
      case ADD: sp--; stack[sp] += stack[sp + 1]; break;
      case SUB: sp--; stack[sp] -= stack[sp + 1]; break;
      case MUL: sp--; stack[sp] *= stack[sp + 1]; break;
      case AND: sp--; stack[sp] &= stack[sp + 1]; break;
      case XOR: sp--; stack[sp] ^= stack[sp + 1]; break;
      case SHL: sp--; stack[sp] <<= stack[sp + 1] & 31; break;
      case SHR: sp--; stack[sp] >>= stack[sp + 1] & 31; break;
      case DUP: stack[sp + 1] = stack[sp]; sp++; break;
      case SWAP: { unsigned t = stack[sp]; stack[sp] = stack[sp - 1]; stack[sp - 1] = t; break; }
      case DROP: sp--; break;
      case LT: sp--; stack[sp] = stack[sp] < stack[sp + 1]; break;
      case JZ: { unsigned char to = prog[pc++]; if (stack[sp--] == 0) pc = to; break; }
      case JMP: pc = prog[pc]; break;
      case INC: locals[prog[pc++]]++; break;
      case ROTL: { sp--; unsigned r = stack[sp + 1] & 31; stack[sp] = stack[sp] << r | stack[sp] >> ((32 - r) & 31); break; }
      case MIX: stack[sp] = (stack[sp] ^ (stack[sp] >> 15)) * 0x2c1b3c6du + seed; break;
      case HALT: return stack[sp] + locals[1];
      default: return 0;
    }
  }
}

__attribute__((export_name("run"))) int run(int n) {
  unsigned s = 0;
  for (int r = 0; r < n; r++) s = s * 33 + exec(s + (unsigned)r);
  return (int)s;
}

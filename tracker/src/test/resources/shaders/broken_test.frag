#version 330 core
// Deliberately broken (used by ShaderErrorTest): line 6 uses an undeclared variable.
out vec4 o_color;
void main() {
    float a = 1.0;
    o_color = vec4(undeclaredThing, a, a, 1.0);
}

// Lists the widgets' gradeladder:select events, as a host page wiring its own analytics would.
document.addEventListener("gradeladder:select", (event) => {
  const item = document.createElement("li");
  item.textContent = `${event.detail.role} (grade ${event.detail.grade})`;
  document.getElementById("events").append(item);
});

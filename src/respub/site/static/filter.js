// Filter the list of resolutions by body, year, session, language and status (no server needed).
(function () {
  var form = document.getElementById("filters");
  var rows = document.querySelectorAll("#resolutions tbody tr");
  var shown = document.getElementById("shown");
  function apply() {
    var wanted = {};
    form.querySelectorAll("select").forEach(function (s) { wanted[s.name] = s.value; });
    var count = 0;
    rows.forEach(function (row) {
      var ok = Object.keys(wanted).every(function (name) {
        var value = wanted[name];
        if (!value) { return true; }
        var have = (row.dataset[name] || "").split(" ");
        return have.indexOf(value) >= 0;
      });
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = String(count);
  }
  form.addEventListener("change", apply);
  var params = new URLSearchParams(window.location.search);
  form.querySelectorAll("select").forEach(function (s) {
    if (params.get(s.name)) { s.value = params.get(s.name); }
  });
  apply();
})();

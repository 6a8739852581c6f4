// Streams a file to the server as the raw request body (no form buffering), with progress.
window.salesMentor = {
  uploadFile: function (inputId, url, token, dotnet) {
    return new Promise(function (resolve) {
      var input = document.getElementById(inputId);
      if (!input || !input.files || input.files.length === 0) { resolve({ status: 0, body: "Choose a file first." }); return; }
      var file = input.files[0];
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url + (url.indexOf("?") >= 0 ? "&" : "?") + "fileName=" + encodeURIComponent(file.name));
      xhr.setRequestHeader("X-CSRF-TOKEN", token);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable && dotnet) dotnet.invokeMethodAsync("OnUploadProgress", e.loaded, e.total); };
      xhr.onload = function () { resolve({ status: xhr.status, body: xhr.responseText }); };
      xhr.onerror = function () { resolve({ status: 0, body: "The upload failed: the connection to the server was lost." }); };
      xhr.send(file);
    });
  }
};

"""Uploads a file to a tus endpoint with tuspy, sending Upload-Checksum on every PATCH.

usage: tuspy-upload.py ENDPOINT TOKEN FILE QUESTION
Prints the upload URL.
"""
import sys

from tusclient import client

endpoint, token, path, question = sys.argv[1:5]
tus = client.TusClient(endpoint, headers={"Authorization": f"Bearer {token}"})
uploader = tus.uploader(
    path,
    chunk_size=200 * 1024,
    metadata={"question": question, "filetype": "video/webm"},
    upload_checksum=True,
)
uploader.upload()
print(uploader.url)

from django.http import JsonResponse


def openapi_document(request):
    return JsonResponse({})
